import type { Cluster } from '@okemesh/topology';
import { containsCidr } from 'cidr-tools';

/** What okemesh reads from an OKE cluster (and its VCN) through the API. */
export interface DiscoveredCluster {
  readonly clusterId: string;
  readonly name: string;
  readonly region: string;
  readonly compartmentId: string;
  readonly lifecycleState: string;
  readonly kubernetesVersion: string | undefined;
  readonly vcnId: string;
  readonly vcnCidrs: readonly string[];
  readonly cniTypes: readonly string[];
  readonly podsCidr: string | undefined;
  readonly servicesCidr: string | undefined;
  readonly endpoints: Readonly<Record<string, string>>;
  readonly endpointSubnetId: string | undefined;
  readonly loadBalancerSubnetIds: readonly string[];
}

export interface DiscoveryFinding {
  readonly severity: 'error' | 'warning';
  readonly cluster: string;
  /** Topology path the finding is about, e.g. `vcn.cidr`. */
  readonly field: string;
  readonly message: string;
}

export const FLANNEL_EXPLANATION =
  'FLANNEL_OVERLAY gives pods addresses in a private overlay network that only pods of the same cluster can reach; ' +
  'the DRG and remote peering route VCN addresses only, so cross-cluster pod traffic cannot work. The CNI is fixed at ' +
  'cluster creation: create the cluster with OCI_VCN_IP_NATIVE pod networking.';

/** Compares a topology cluster entry with what OCI reports; FLANNEL_OVERLAY is always an error. */
export function checkDiscoveredCluster(cluster: Cluster, found: DiscoveredCluster): DiscoveryFinding[] {
  const out: DiscoveryFinding[] = [];
  const add = (severity: DiscoveryFinding['severity'], field: string, message: string) =>
    out.push({ severity, cluster: cluster.name, field, message });
  if (found.cniTypes.includes('FLANNEL_OVERLAY'))
    add('error', 'cni', `cluster uses FLANNEL_OVERLAY. ${FLANNEL_EXPLANATION}`);
  else if (!found.cniTypes.includes(cluster.cni))
    add(
      'error',
      'cni',
      `topology says ${cluster.cni}, cluster uses ${found.cniTypes.join(', ') || 'unknown'}`,
    );
  if (found.region !== cluster.region)
    add('error', 'region', `topology says ${cluster.region}, cluster is in ${found.region}`);
  if (found.compartmentId !== cluster.compartment)
    add('error', 'compartment', `topology says ${cluster.compartment}, cluster is in ${found.compartmentId}`);
  if (!found.vcnCidrs.includes(cluster.vcn.cidr))
    add('error', 'vcn.cidr', `topology says ${cluster.vcn.cidr}, the VCN has ${found.vcnCidrs.join(', ')}`);
  if (cluster.vcn.ocid && cluster.vcn.ocid !== found.vcnId)
    add('error', 'vcn.ocid', `topology says ${cluster.vcn.ocid}, the cluster is in ${found.vcnId}`);
  if (!cluster.vcn.ocid) add('warning', 'vcn.ocid', `not set; the cluster's VCN is ${found.vcnId}`);
  if (found.servicesCidr && found.servicesCidr !== cluster.services.cidr)
    add(
      'error',
      'services.cidr',
      `topology says ${cluster.services.cidr}, the cluster uses ${found.servicesCidr}`,
    );
  for (const subnet of cluster.pods.subnets ?? []) {
    if (!found.vcnCidrs.some((v) => containsCidr(v, subnet.cidr)))
      add(
        'error',
        'pods.subnets',
        `pod subnet ${subnet.cidr} is outside the VCN (${found.vcnCidrs.join(', ')})`,
      );
  }
  if (found.lifecycleState !== 'ACTIVE') add('warning', 'ocid', `cluster is ${found.lifecycleState}`);
  return out;
}
