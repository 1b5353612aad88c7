import type { DiscoveredCluster } from '../model/discovery-check.js';
import { apiCall } from './api-call.js';
import type { RegionClients } from './clients.js';

/** Reads an OKE cluster and its VCN: pod networking type, CIDRs, endpoints, LB and API-endpoint subnets. */
export async function discoverCluster(clients: RegionClients, clusterId: string): Promise<DiscoveredCluster> {
  const { cluster } = await apiCall('GetCluster', () => clients.oke.getCluster({ clusterId }));
  const vcnId = cluster.vcnId ?? '';
  const { vcn } = await apiCall('GetVcn', () => clients.network.getVcn({ vcnId }));
  const endpoints = Object.fromEntries(
    Object.entries(cluster.endpoints ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return {
    clusterId,
    name: cluster.name ?? clusterId,
    region: clients.region,
    compartmentId: cluster.compartmentId ?? '',
    lifecycleState: cluster.lifecycleState ?? 'UNKNOWN',
    kubernetesVersion: cluster.kubernetesVersion,
    vcnId,
    vcnCidrs: vcn.cidrBlocks ?? (vcn.cidrBlock ? [vcn.cidrBlock] : []),
    // The API default is flannel when no pod network option is recorded.
    cniTypes: cluster.clusterPodNetworkOptions?.map((o) => o.cniType) ?? ['FLANNEL_OVERLAY'],
    podsCidr: cluster.options?.kubernetesNetworkConfig?.podsCidr,
    servicesCidr: cluster.options?.kubernetesNetworkConfig?.servicesCidr,
    endpoints,
    endpointSubnetId: cluster.endpointConfig?.subnetId,
    loadBalancerSubnetIds: cluster.options?.serviceLbSubnetIds ?? [],
  };
}
