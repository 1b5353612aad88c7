import { Region } from 'oci-common';
import type { Json, Store } from './store.js';

/** The lowercase region key OCI uses in Services Network labels (`sjc`, `iad`); the id when the SDK has none. */
function regionKey(region: string): string {
  return Region.values().find((r) => r.regionId === region)?.regionCode ?? region;
}

export interface SeedClusterInput {
  readonly region: string;
  readonly compartmentId: string;
  readonly name: string;
  readonly vcnCidr: string;
  readonly cniType: 'OCI_VCN_IP_NATIVE' | 'FLANNEL_OVERLAY';
  /** Use this OCID for the cluster (e.g. the one in a topology file). */
  readonly clusterId?: string;
  readonly podSubnetCidrs?: readonly string[];
  readonly podsCidr?: string;
  readonly servicesCidr?: string;
  /** Subnet CIDRs; default: `<a.b>.0.0/28` endpoint, `<a.b>.20.0/24` nodes, `<a.b>.30.0/24` load balancers. */
  readonly subnets?: { readonly endpoint: string; readonly nodes: string; readonly loadBalancers: string };
}

export interface SeededCluster {
  readonly clusterId: string;
  readonly vcnId: string;
  readonly subnetIds: {
    readonly endpoint: string;
    readonly nodes: string;
    readonly loadBalancers: string;
    readonly pods: readonly string[];
  };
  readonly routeTableIds: { readonly private: string; readonly public: string };
  readonly securityListIds: {
    readonly endpoint: string;
    readonly nodes: string;
    readonly loadBalancers: string;
    readonly pods: readonly string[];
  };
}

function defaultSubnets(vcnCidr: string) {
  const [a = '10', b = '0'] = vcnCidr.split('.');
  return { endpoint: `${a}.${b}.0.0/28`, nodes: `${a}.${b}.20.0/24`, loadBalancers: `${a}.${b}.30.0/24` };
}

/** A VCN as an OKE quick-create leaves it: gateways, two route tables, one security list per subnet, a cluster. */
export function seedCluster(store: Store, input: SeedClusterInput): SeededCluster {
  const { region, compartmentId } = input;
  const vcnId = store.newId('vcn', region);
  store.insert('vcn', region, vcnId, {
    compartmentId,
    cidrBlock: input.vcnCidr,
    cidrBlocks: [input.vcnCidr],
    displayName: `oke-vcn-${input.name}`,
    lifecycleState: 'AVAILABLE',
  });
  const nat = store.newId('natgateway', region);
  const igw = store.newId('internetgateway', region);
  const sgw = store.newId('servicegateway', region);
  // As quick-create: the private table also sends the Oracle Services Network through the service gateway.
  const services = {
    destination: `all-${regionKey(region)}-services-in-oracle-services-network`,
    destinationType: 'SERVICE_CIDR_BLOCK',
    networkEntityId: sgw,
    description: 'traffic to OCI services',
    routeType: 'STATIC',
  };
  const table = (name: string, target: string, extra: readonly Json[] = []) => {
    const id = store.newId('routetable', region);
    store.insert('routeTable', region, id, {
      compartmentId,
      vcnId,
      displayName: name,
      lifecycleState: 'AVAILABLE',
      routeRules: [
        {
          destination: '0.0.0.0/0',
          destinationType: 'CIDR_BLOCK',
          networkEntityId: target,
          description: 'default route',
          routeType: 'STATIC',
        },
        ...extra,
      ],
    });
    return id;
  };
  const routeTableIds = {
    private: table(`oke-private-routetable-${input.name}`, nat, [services]),
    public: table(`oke-public-routetable-${input.name}`, igw),
  };
  const securityList = (name: string, ingress: readonly { source: string; port?: number }[]) => {
    const id = store.newId('securitylist', region);
    store.insert('securityList', region, id, {
      compartmentId,
      vcnId,
      displayName: name,
      lifecycleState: 'AVAILABLE',
      egressSecurityRules: [
        { destination: '0.0.0.0/0', protocol: 'all', isStateless: false, description: 'all egress' },
      ],
      ingressSecurityRules: ingress.map(({ source, port }) => ({
        source,
        protocol: port === undefined ? 'all' : '6',
        isStateless: false,
        sourceType: 'CIDR_BLOCK',
        ...(port === undefined ? {} : { tcpOptions: { destinationPortRange: { min: port, max: port } } }),
      })),
    });
    return id;
  };
  const cidrs = input.subnets ?? defaultSubnets(input.vcnCidr);
  const subnet = (name: string, cidr: string, routeTableId: string, securityListId: string) => {
    const id = store.newId('subnet', region);
    store.insert('subnet', region, id, {
      compartmentId,
      vcnId,
      cidrBlock: cidr,
      displayName: name,
      routeTableId,
      securityListIds: [securityListId],
      lifecycleState: 'AVAILABLE',
      prohibitPublicIpOnVnic: routeTableId === routeTableIds.private,
    });
    return id;
  };
  const securityListIds = {
    endpoint: securityList('oke-k8sApiEndpoint', [
      { source: cidrs.nodes, port: 6443 },
      { source: cidrs.nodes, port: 12250 },
    ]),
    nodes: securityList('oke-nodes', [{ source: input.vcnCidr }]),
    loadBalancers: securityList('oke-svclb', [{ source: '0.0.0.0/0', port: 443 }]),
    pods: (input.podSubnetCidrs ?? []).map((_, i) =>
      securityList(`oke-pods-${i}`, [{ source: input.vcnCidr }]),
    ),
  };
  const subnetIds = {
    endpoint: subnet(
      'oke-k8sApiEndpoint-subnet',
      cidrs.endpoint,
      routeTableIds.private,
      securityListIds.endpoint,
    ),
    nodes: subnet('oke-nodesubnet', cidrs.nodes, routeTableIds.private, securityListIds.nodes),
    loadBalancers: subnet(
      'oke-svclbsubnet',
      cidrs.loadBalancers,
      routeTableIds.public,
      securityListIds.loadBalancers,
    ),
    pods: (input.podSubnetCidrs ?? []).map((cidr, i) =>
      subnet(`oke-podsubnet-${i}`, cidr, routeTableIds.private, securityListIds.pods[i] ?? ''),
    ),
  };
  const clusterId = input.clusterId ?? store.newId('cluster', region);
  const endpointIp = `${input.vcnCidr.split('.').slice(0, 2).join('.')}.0.2`;
  store.insert('cluster', region, clusterId, {
    name: input.name,
    compartmentId,
    vcnId,
    kubernetesVersion: 'v1.34.1',
    lifecycleState: 'ACTIVE',
    type: 'ENHANCED_CLUSTER',
    endpointConfig: { subnetId: subnetIds.endpoint, isPublicIpEnabled: false, nsgIds: [] },
    endpoints: {
      privateEndpoint: `${endpointIp}:6443`,
      vcnHostnameEndpoint: `${input.name}.oke.oraclevcn.com:6443`,
    },
    options: {
      serviceLbSubnetIds: [subnetIds.loadBalancers],
      kubernetesNetworkConfig: {
        podsCidr: input.podsCidr ?? '10.244.0.0/16',
        servicesCidr: input.servicesCidr ?? '10.96.0.0/16',
      },
    },
    clusterPodNetworkOptions: [{ cniType: input.cniType }],
  });
  return { clusterId, vcnId, subnetIds, routeTableIds, securityListIds };
}

/** A public primary DNS zone. */
export function seedZone(
  store: Store,
  input: { readonly name: string; readonly compartmentId: string },
): string {
  const id = store.newId('dns-zone', 'global');
  store.insert('zone', 'global', id, {
    name: input.name,
    compartmentId: input.compartmentId,
    zoneType: 'PRIMARY',
    scope: 'GLOBAL',
    lifecycleState: 'ACTIVE',
    serial: 1,
  });
  return id;
}
