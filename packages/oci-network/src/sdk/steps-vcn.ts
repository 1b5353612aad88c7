import { OciNetworkError } from '../errors.js';
import { apiCall, listAll } from './api-call.js';
import type { RegionRun } from './run-context.js';

/**
 * Finds the cluster VCN and its subnets: through the OKE cluster when the topology has its OCID (which also
 * yields the load-balancer and API-endpoint subnets and the CNI), else through `vcn.ocid`.
 */
export async function discoverVcn(run: RegionRun): Promise<void> {
  const { desired, clients } = run;
  let vcnId = desired.vcnOcid;
  if (desired.clusterOcid) {
    const clusterId = desired.clusterOcid;
    const { cluster } = await apiCall('GetCluster', () => clients.oke.getCluster({ clusterId }));
    const cni = cluster.clusterPodNetworkOptions?.map((o) => o.cniType) ?? [];
    if (cni.includes('FLANNEL_OVERLAY')) {
      throw new OciNetworkError(
        'OCI_UNSUPPORTED_CNI',
        `cluster ${desired.cluster} uses FLANNEL_OVERLAY: pod IPs are not routable over the DRG; recreate it with OCI_VCN_IP_NATIVE`,
      );
    }
    if (vcnId && cluster.vcnId && vcnId !== cluster.vcnId) {
      throw new OciNetworkError(
        'OCI_DISCOVERY_FAILED',
        `cluster ${desired.cluster} is in VCN ${cluster.vcnId}, but the topology says ${vcnId}`,
      );
    }
    vcnId = cluster.vcnId;
    run.loadBalancerSubnetIds = cluster.options?.serviceLbSubnetIds ?? [];
    run.endpointSubnetId = cluster.endpointConfig?.subnetId;
  }
  if (!vcnId) {
    throw new OciNetworkError(
      'OCI_DISCOVERY_FAILED',
      `cluster ${desired.cluster}: set spec.clusters[].ocid (or vcn.ocid) so okemesh can find its VCN`,
    );
  }
  const id = vcnId;
  const { vcn } = await apiCall('GetVcn', () => clients.network.getVcn({ vcnId: id }));
  const cidrs = vcn.cidrBlocks ?? (vcn.cidrBlock ? [vcn.cidrBlock] : []);
  if (!cidrs.includes(desired.vcnCidr)) {
    throw new OciNetworkError(
      'OCI_DISCOVERY_FAILED',
      `VCN ${id} has CIDR ${cidrs.join(', ')}, the topology says ${desired.vcnCidr}`,
    );
  }
  run.vcnId = id;
  const subnets = await listAll('ListSubnets', (page) =>
    clients.network.listSubnets({ compartmentId: run.compartmentId, vcnId: id, ...(page ? { page } : {}) }),
  );
  run.subnets = subnets.map((s) => ({
    id: s.id,
    routeTableId: s.routeTableId,
    securityListIds: s.securityListIds ?? [],
  }));
}
