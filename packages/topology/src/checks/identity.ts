import { OCI_REGIONS, isOciRegion } from '../regions.js';
import type { Topology } from '../schema/topology.js';
import { closest } from '../suggest.js';
import { error, warning, type Finding } from './finding.js';

/** Cluster identity: unique names, networks and regions, never the `Kubernetes` default, real OCI regions. */
export function checkIdentity(topology: Topology): Finding[] {
  const findings: Finding[] = [];
  const clusters = topology.spec.clusters;
  const seenNames = new Map<string, number>();
  const seenNetworks = new Map<string, number>();
  const seenContexts = new Map<string, number>();
  const seenRegions = new Map<string, number>();

  clusters.forEach((cluster, i) => {
    const at = ['spec', 'clusters', i] as const;
    if (cluster.name.toLowerCase() === 'kubernetes') {
      findings.push(
        error(
          'cluster-name-default',
          [...at, 'name'],
          '"kubernetes" is the cluster ID istiod falls back to; two clusters left at it never discover each other',
          'give every cluster its own name, e.g. primary-cluster',
        ),
      );
    }
    const firstName = seenNames.get(cluster.name);
    if (firstName !== undefined) {
      findings.push(
        error(
          'cluster-name-unique',
          [...at, 'name'],
          `cluster name "${cluster.name}" is already used by spec.clusters[${firstName}]; istiod ignores a remote cluster whose ID equals its own`,
          'rename one of the clusters',
        ),
      );
    } else seenNames.set(cluster.name, i);

    const firstNetwork = seenNetworks.get(cluster.network);
    if (firstNetwork !== undefined) {
      findings.push(
        error(
          'network-unique',
          [...at, 'network'],
          `network "${cluster.network}" is already used by spec.clusters[${firstNetwork}], but each cluster has its own VCN, so pods cannot reach each other directly`,
          `use a distinct network name per cluster, e.g. network${i + 1}`,
        ),
      );
    } else seenNetworks.set(cluster.network, i);

    const firstContext = seenContexts.get(cluster.kubeContext);
    if (firstContext !== undefined) {
      findings.push(
        error(
          'kube-context-unique',
          [...at, 'kubeContext'],
          `kube context "${cluster.kubeContext}" already points at spec.clusters[${firstContext}]`,
          'give each cluster the context that reaches it',
        ),
      );
    } else seenContexts.set(cluster.kubeContext, i);

    const firstRegion = seenRegions.get(cluster.region);
    if (firstRegion !== undefined) {
      findings.push(
        error(
          'region-unique',
          [...at, 'region'],
          `region ${cluster.region} already holds spec.clusters[${firstRegion}]; okemesh networks one cluster per region (one DRG, one remote peering per region pair)`,
          'put each cluster in its own region, or run the second cluster of a region as a separate mesh',
        ),
      );
    } else seenRegions.set(cluster.region, i);

    if (!isOciRegion(cluster.region)) {
      const guess = closest(cluster.region, OCI_REGIONS);
      findings.push(
        error(
          'oci-region',
          [...at, 'region'],
          `"${cluster.region}" is not an OCI region`,
          guess ? `did you mean ${guess}?` : 'use a region identifier such as us-ashburn-1',
        ),
      );
    }
    if (cluster.ocid && !cluster.ocid.includes(`.${cluster.region}.`)) {
      findings.push(
        warning(
          'ocid-region',
          [...at, 'ocid'],
          `cluster OCID does not name region ${cluster.region}`,
          'check that the OCID belongs to this cluster',
        ),
      );
    }
  });

  if (!clusters.some((c) => c.role === 'primary')) {
    findings.push(
      error(
        'primary-cluster',
        ['spec', 'clusters'],
        'no cluster has role: primary',
        'mark one cluster role: primary',
      ),
    );
  }
  return findings;
}
