import type { ClusterContext } from '../context.js';

/**
 * The four multicluster identifiers, in the shape both IstioOperator `values` and the istiod Helm chart
 * use: meshID (same everywhere), clusterName (unique, never the default "Kubernetes"), network.
 * `meshConfig.clusterName` does not exist; the cluster ID lives only here.
 */
export function globalValues(ctx: ClusterContext) {
  return {
    meshID: ctx.topology.spec.mesh.id,
    multiCluster: { clusterName: ctx.cluster.name },
    network: ctx.cluster.network,
  } as const;
}

/**
 * meshConfig: the shared trust domain, plus the Envoy stats the HighConnectionPoolUsage alert reads
 * (Istio only exports a few upstream cluster stats by default).
 */
export function meshConfig(ctx: ClusterContext) {
  return {
    trustDomain: ctx.topology.spec.mesh.trustDomain,
    defaultConfig: {
      proxyStatsMatcher: { inclusionRegexps: ['.*upstream_cx_active.*', '.*upstream_rq_pending_active.*'] },
    },
  } as const;
}
