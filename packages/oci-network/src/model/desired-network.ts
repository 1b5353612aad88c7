import { meshSourceCidrs, type Cluster, type Topology } from '@okemesh/topology';
import { OciNetworkError } from '../errors.js';
import { ISTIO_CROSS_REGION_PORTS, type IngressTarget } from './istio-ports.js';

/** How okemesh opens the Istio ports: rules on the subnets' security lists, or an okemesh-owned NSG. */
export type IngressMode = 'security-list' | 'nsg';

export interface DesiredIngressRule {
  readonly port: number;
  readonly protocol: 'TCP';
  readonly source: string;
  readonly target: IngressTarget;
  readonly why: string;
}

export interface DesiredPeer {
  readonly region: string;
  readonly cluster: string;
  /** The requestor side creates the connection (`connect`); the acceptor only has its RPC. */
  readonly side: 'requestor' | 'acceptor';
  readonly rpcName: string;
  /** Remote VCN CIDR plus any remote pod CIDR outside it: routed via the DRG. */
  readonly routeDestinations: readonly string[];
}

export interface DesiredRegion {
  readonly region: string;
  readonly cluster: string;
  readonly clusterOcid: string | undefined;
  readonly compartmentId: string;
  readonly vcnCidr: string;
  readonly vcnOcid: string | undefined;
  readonly drgName: string;
  readonly attachmentName: string;
  readonly nsgName: string;
  readonly peers: readonly DesiredPeer[];
  readonly ingress: readonly DesiredIngressRule[];
}

export interface DesiredNetwork {
  readonly mesh: string;
  readonly ingressMode: IngressMode;
  readonly regions: readonly DesiredRegion[];
}

/**
 * Remote VCN CIDR and every remote pod CIDR not already inside it: the narrowest set that reaches the remote
 * mesh. The same set the remote's east-west gateway admits from here (topology's `meshSourceCidrs`).
 */
export function remoteDestinations(remote: Cluster): string[] {
  return meshSourceCidrs(remote);
}

/** Refuses clusters whose pods are not VCN-routable, with the reason. */
export function assertRoutablePods(cluster: Cluster): void {
  if (cluster.cni === 'FLANNEL_OVERLAY') {
    throw new OciNetworkError(
      'OCI_UNSUPPORTED_CNI',
      `cluster ${cluster.name} (${cluster.region}) uses FLANNEL_OVERLAY: its pod IPs live in a private overlay that is only ` +
        'reachable from pods of the same cluster, so the DRG and remote peering cannot route cross-cluster pod traffic. ' +
        'The CNI cannot be changed after creation: create the cluster with OCI_VCN_IP_NATIVE pod networking.',
    );
  }
}

/**
 * The network okemesh wants, per region: a DRG attached to the cluster VCN, one remote peering connection per
 * peer region (the earlier cluster in the topology, primary first, is the requestor), routes to every remote
 * VCN/pod CIDR via the DRG, and ingress for the Istio ports from each remote VCN.
 */
export function desiredNetwork(
  topology: Topology,
  ingressMode: IngressMode = 'security-list',
): DesiredNetwork {
  const mesh = topology.metadata.name;
  const clusters = [...topology.spec.clusters].sort(
    (a, b) => Number(a.role !== 'primary') - Number(b.role !== 'primary'),
  );
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.region)) {
      throw new OciNetworkError(
        'OCI_UNSUPPORTED_TOPOLOGY',
        `two clusters in ${cluster.region}: okemesh networks one cluster per region`,
      );
    }
    seen.add(cluster.region);
    assertRoutablePods(cluster);
  }
  const regions = clusters.map((cluster, index): DesiredRegion => {
    const others = clusters.filter((c) => c !== cluster);
    return {
      region: cluster.region,
      cluster: cluster.name,
      clusterOcid: cluster.ocid,
      compartmentId: cluster.compartment,
      vcnCidr: cluster.vcn.cidr,
      vcnOcid: cluster.vcn.ocid,
      drgName: `okemesh-${mesh}-${cluster.region}`,
      attachmentName: `okemesh-${mesh}-${cluster.name}-vcn`,
      nsgName: `okemesh-${mesh}-istio-remote`,
      peers: others.map((remote) => ({
        region: remote.region,
        cluster: remote.name,
        side: clusters.indexOf(remote) > index ? 'requestor' : 'acceptor',
        rpcName: `okemesh-${mesh}-to-${remote.region}`,
        routeDestinations: remoteDestinations(remote),
      })),
      ingress: others.flatMap((remote) =>
        ISTIO_CROSS_REGION_PORTS.map((p) => ({
          port: p.port,
          protocol: p.protocol,
          source: remote.vcn.cidr,
          target: p.target,
          why: p.why,
        })),
      ),
    };
  });
  return { mesh, ingressMode, regions };
}
