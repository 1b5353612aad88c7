import type { Topology } from '@okemesh/topology';
import type { AuthenticationDetailsProvider } from 'oci-common';

/** What the OCI side of a mesh reports: the doctor's (@okemesh/drills) view of peering and DNS failover. */
export interface OciHealth {
  /** Remote peering connections of every region's DRG with their `peeringStatus`. */
  remotePeerings(): Promise<
    readonly { readonly name: string; readonly region: string; readonly status: string }[]
  >;
  /** Each steering policy answer's health as its monitor sees it. */
  steering(): Promise<
    readonly { readonly policy: string; readonly answer: string; readonly healthy: boolean }[]
  >;
}

export interface OciMeshHealthOptions {
  readonly topology: Topology;
  /** Credentials; default the ~/.oci/config `profile` (DEFAULT). */
  readonly provider?: AuthenticationDetailsProvider;
  readonly profile?: string;
  /** Endpoint per region (tests point it at a local fake); default the SDK's regional endpoint. */
  readonly endpointFor?: (region: string) => string;
}

async function all<T>(
  page: (next: string | undefined) => Promise<{ items: T[]; opcNextPage?: string | undefined }>,
): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined;
  do {
    const response = await page(next);
    items.push(...response.items);
    next = response.opcNextPage;
  } while (next);
  return items;
}

/**
 * The doctor's OCI side over oci-core / oci-dns / oci-healthchecks (imported lazily): every remote peering
 * connection in each cluster's compartment and region with its `peeringStatus`, and every steering policy of
 * the topology's compartments: ACTIVE, with an enabled health-check monitor, attached to `spec.dns.domain`.
 */
export async function ociMeshHealth(options: OciMeshHealthOptions): Promise<OciHealth> {
  const [common, core, dns, hc] = await Promise.all([
    import('oci-common'),
    import('oci-core'),
    import('oci-dns'),
    import('oci-healthchecks'),
  ]);
  const { topology } = options;
  const provider =
    options.provider ?? new common.ConfigFileAuthenticationDetailsProvider(undefined, options.profile);
  const endpoint = (client: { endpoint: string; regionId: string }, region: string) => {
    if (options.endpointFor) client.endpoint = options.endpointFor(region);
    else client.regionId = region;
  };
  const home = topology.spec.clusters[0]?.region ?? '';
  const compartments = [...new Set(topology.spec.clusters.map((c) => c.compartment))];
  return {
    async remotePeerings() {
      const found: { name: string; region: string; status: string }[] = [];
      for (const cluster of topology.spec.clusters) {
        const client = new core.VirtualNetworkClient({ authenticationDetailsProvider: provider });
        endpoint(client, cluster.region);
        const rpcs = await all((page) =>
          client.listRemotePeeringConnections({
            compartmentId: cluster.compartment,
            ...(page ? { page } : {}),
          }),
        );
        for (const rpc of rpcs)
          found.push({
            name: rpc.displayName ?? rpc.id,
            region: cluster.region,
            status: String(rpc.peeringStatus),
          });
      }
      return found;
    },
    async steering() {
      const client = new dns.DnsClient({ authenticationDetailsProvider: provider });
      const monitors = new hc.HealthChecksClient({ authenticationDetailsProvider: provider });
      endpoint(client, home);
      endpoint(monitors, home);
      const results: { policy: string; answer: string; healthy: boolean }[] = [];
      for (const compartmentId of compartments) {
        const policies = await all((page) =>
          client.listSteeringPolicies({ compartmentId, ...(page ? { page } : {}) }),
        );
        for (const policy of policies) {
          const name = policy.displayName ?? policy.id;
          const active = policy.lifecycleState === 'ACTIVE';
          results.push({ policy: name, answer: `lifecycle ${policy.lifecycleState}`, healthy: active });
          const monitorId = policy.healthCheckMonitorId;
          const monitor = monitorId ? (await monitors.getHttpMonitor({ monitorId })).httpMonitor : undefined;
          results.push({
            policy: name,
            answer: monitor
              ? `monitor ${monitor.displayName} ${monitor.isEnabled ? 'enabled' : 'disabled'}`
              : 'no health-check monitor',
            healthy: monitor?.isEnabled === true,
          });
          const domain = topology.spec.dns?.domain;
          if (domain) {
            const attachments = await all((page) =>
              client.listSteeringPolicyAttachments({
                compartmentId,
                steeringPolicyId: policy.id,
                ...(page ? { page } : {}),
              }),
            );
            const attached = attachments.some((a) => a.domainName === domain);
            results.push({
              policy: name,
              answer: attached ? `attached to ${domain}` : `not attached to ${domain}`,
              healthy: attached,
            });
          }
        }
      }
      return results;
    },
  };
}
