import type { Topology } from '@okemesh/topology';

export interface IamStatement {
  readonly statement: string;
  readonly why: string;
}

export interface IamOptions {
  /** IAM group of the people or CI identity running okemesh. Default `okemesh-operators`. */
  readonly group?: string;
  /** Compartment holding the DNS zone, when it differs from the clusters' compartment. */
  readonly dnsCompartmentId?: string;
  /**
   * Identity domain of the group (tenancies on identity domains). Rendered quoted, `group '<domain>'/'<group>'`;
   * `group` may also be given as `<domain>/<group>`. Without it the group is in the Default domain.
   */
  readonly identityDomain?: string;
}

const quote = (name: string) => `'${name.replace(/'/g, "\\'")}'`;

/**
 * The policy subject for a group: a plain name stays bare (`group okemesh-operators`); an identity-domain
 * group is quoted as OCI requires (`group 'Default'/'okemesh operators'`), as is a name with other characters.
 */
export function groupSubject(group: string, identityDomain?: string): string {
  const slash = group.indexOf('/');
  const [domain, name] =
    identityDomain !== undefined
      ? [identityDomain, group]
      : slash > 0
        ? [group.slice(0, slash), group.slice(slash + 1)]
        : [undefined, group];
  if (domain !== undefined) return `group ${quote(domain)}/${quote(name)}`;
  return /^[A-Za-z0-9_-]+$/.test(name) ? `group ${name}` : `group ${quote(name)}`;
}

export function iamPolicyName(topology: Topology): string {
  return `okemesh-${topology.metadata.name}`;
}

/**
 * Route-rule target types whose `*_ATTACH` permission (`use` verb) UpdateRouteTable checks for every rule in
 * the new list, existing ones included: OKE's subnets route through NAT, service and internet gateways.
 * DRG targets need DRG_ATTACH, which `manage drgs` grants.
 */
const ROUTE_TARGETS = [
  'internet-gateways',
  'nat-gateways',
  'service-gateways',
  'local-peering-gateways',
  'private-ips',
] as const;

const where = (compartmentId: string) => `compartment id ${compartmentId}`;

/**
 * Every IAM statement the okemesh setup needs, in OCI policy syntax with real resource-type names
 * (`drgs`, `remote-peering-connections`, `route-tables`, `security-lists`, `network-security-groups`,
 * `cluster-family`, `dns-steering-policies`, `health-check-family`). Same-tenancy peering needs no
 * `remote-peering-from/to`. Cluster principals (the OKE cloud-controller-manager managing the east-west gateway
 * load balancer's NSG rules) are matched with `request.principal.type = 'cluster'` and, when the topology has the
 * cluster OCID, `request.principal.id`.
 */
export function iamStatements(topology: Topology, options: IamOptions = {}): IamStatement[] {
  const group = groupSubject(options.group ?? 'okemesh-operators', options.identityDomain);
  const compartments = [...new Set(topology.spec.clusters.map((c) => c.compartment))];
  const out: IamStatement[] = [];
  for (const compartment of compartments) {
    const loc = where(compartment);
    out.push(
      {
        statement: `Allow ${group} to manage drgs in ${loc}`,
        why: 'create the DRGs and their VCN attachments; creating an RPC also changes its DRG',
      },
      {
        statement: `Allow ${group} to manage vcns in ${loc} where any {request.permission = 'VCN_ATTACH', request.permission = 'VCN_DETACH'}`,
        why: 'CreateDrgAttachment needs VCN_ATTACH on the VCN besides DRG_ATTACH on the DRG (teardown: VCN_DETACH)',
      },
      {
        statement: `Allow ${group} to manage remote-peering-connections in ${loc}`,
        why: 'create and connect the remote peering connections',
      },
      {
        statement: `Allow ${group} to manage route-tables in ${loc}`,
        why: 'add the routes to the remote VCN via the DRG',
      },
      ...ROUTE_TARGETS.map((type) => ({
        statement: `Allow ${group} to use ${type} in ${loc}`,
        why: `UpdateRouteTable replaces every rule, so it needs the attach permission of each target already in the table (${type} on OKE quick-create route tables)`,
      })),
      {
        statement: `Allow ${group} to manage security-lists in ${loc}`,
        why: 'open the Istio ports from the remote VCN (security-list mode)',
      },
      {
        statement: `Allow ${group} to manage network-security-groups in ${loc}`,
        why: 'the okemesh NSG with the Istio ports (NSG mode)',
      },
      {
        statement: `Allow ${group} to read virtual-network-family in ${loc}`,
        why: 'read VCNs and subnets to find the route tables and security lists',
      },
      {
        statement: `Allow ${group} to read cluster-family in ${loc}`,
        why: 'discover the OKE clusters: VCN, CNI, CIDRs, endpoints',
      },
      {
        statement: `Allow ${group} to manage health-check-family in ${loc}`,
        why: 'the HTTP monitor probing each region ingress',
      },
      {
        statement: `Allow ${group} to manage dns-steering-policies in ${loc}`,
        why: 'the FAILOVER steering policy',
      },
    );
  }
  if (topology.spec.dns) {
    const loc = where(options.dnsCompartmentId ?? compartments[0] ?? '');
    out.push(
      {
        statement: `Allow ${group} to manage dns-steering-policy-attachments in ${loc}`,
        why: `attach the policy to ${topology.spec.dns.domain}`,
      },
      {
        statement: `Allow ${group} to use dns-zones in ${loc}`,
        why: `read and attach to zone ${topology.spec.dns.zone}`,
      },
    );
  }
  for (const cluster of topology.spec.clusters) {
    const principal = cluster.ocid
      ? `all {request.principal.type = 'cluster', request.principal.id = '${cluster.ocid}'}`
      : `request.principal.type = 'cluster'`;
    out.push({
      statement: `Allow any-user to manage network-security-groups in ${where(cluster.compartment)} where ${principal}`,
      why: `cluster ${cluster.name}: the cloud-controller-manager manages the east-west gateway load balancer's NSG rules`,
    });
  }
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.statement) && Boolean(seen.add(s.statement)));
}
