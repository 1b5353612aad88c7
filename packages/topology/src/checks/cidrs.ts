import { containsCidr, overlapCidr } from 'cidr-tools';
import type { DocPath } from '../path.js';
import { formatPath } from '../path.js';
import type { Cluster } from '../schema/cluster.js';
import type { Topology } from '../schema/topology.js';
import { error, type Finding } from './finding.js';

interface Range {
  readonly cluster: number;
  readonly kind: 'vcn' | 'pods' | 'services';
  readonly cidr: string;
  readonly path: DocPath;
}

function rangesOf(cluster: Cluster, i: number): Range[] {
  const base = ['spec', 'clusters', i] as const;
  const ranges: Range[] = [
    { cluster: i, kind: 'vcn', cidr: cluster.vcn.cidr, path: [...base, 'vcn', 'cidr'] },
  ];
  if (cluster.pods.cidr) {
    ranges.push({ cluster: i, kind: 'pods', cidr: cluster.pods.cidr, path: [...base, 'pods', 'cidr'] });
  }
  cluster.pods.subnets?.forEach((subnet, j) =>
    ranges.push({
      cluster: i,
      kind: 'pods',
      cidr: subnet.cidr,
      path: [...base, 'pods', 'subnets', j, 'cidr'],
    }),
  );
  ranges.push({
    cluster: i,
    kind: 'services',
    cidr: cluster.services.cidr,
    path: [...base, 'services', 'cidr'],
  });
  return ranges;
}

/** Two ranges may overlap only when they are one VCN-native cluster's VCN and its pod subnets. */
function overlapAllowed(a: Range, b: Range, clusters: readonly Cluster[]): boolean {
  if (a.cluster !== b.cluster) return false;
  if (a.kind === 'pods' && b.kind === 'pods') return false;
  const kinds = new Set([a.kind, b.kind]);
  return kinds.has('vcn') && kinds.has('pods') && clusters[a.cluster]?.cni === 'OCI_VCN_IP_NATIVE';
}

/** Address plan: no overlaps across the mesh, pods inside the VCN for VCN-native, no overlay pods. */
export function checkCidrs(topology: Topology): Finding[] {
  const findings: Finding[] = [];
  const clusters = topology.spec.clusters;
  const ranges = clusters.flatMap(rangesOf);

  for (let x = 0; x < ranges.length; x++) {
    for (let y = x + 1; y < ranges.length; y++) {
      const a = ranges[x]!;
      const b = ranges[y]!;
      if (!overlapCidr(a.cidr, b.cidr) || overlapAllowed(a, b, clusters)) continue;
      const scope = a.cluster === b.cluster ? 'in the same cluster' : 'across clusters';
      findings.push(
        error(
          'cidr-overlap',
          b.path,
          `${b.kind} CIDR ${b.cidr} overlaps ${a.kind} CIDR ${a.cidr} at ${formatPath(a.path)} (${scope}); routes over the DRG and Istio endpoint addresses become ambiguous`,
          'give every VCN, pod and service range in the mesh its own non-overlapping block',
        ),
      );
    }
  }

  clusters.forEach((cluster, i) => {
    const base = ['spec', 'clusters', i] as const;
    if (!cluster.pods.cidr && !cluster.pods.subnets) {
      findings.push(
        error(
          'pods-missing',
          [...base, 'pods'],
          'pods needs a cidr or a list of subnets',
          'add pods.cidr or pods.subnets',
        ),
      );
    }
    if (cluster.cni === 'OCI_VCN_IP_NATIVE') {
      for (const range of rangesOf(cluster, i).filter((r) => r.kind === 'pods')) {
        if (!containsCidr(cluster.vcn.cidr, range.cidr)) {
          findings.push(
            error(
              'pods-outside-vcn',
              range.path,
              `pod range ${range.cidr} is outside VCN ${cluster.vcn.cidr}; with OCI_VCN_IP_NATIVE pods take IPs from VCN subnets`,
              `choose pod subnets inside ${cluster.vcn.cidr}`,
            ),
          );
        }
      }
    } else {
      findings.push(
        error(
          'flannel-cross-cluster',
          [...base, 'cni'],
          'FLANNEL_OVERLAY pod IPs live on an overlay that the DRG and remote peering cannot route, so pods in other clusters can never reach these pods directly',
          'recreate the cluster with OCI_VCN_IP_NATIVE pod networking (OKE cannot change the CNI of an existing cluster)',
        ),
      );
    }
  });
  return findings;
}
