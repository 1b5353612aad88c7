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
 * Sidecar DNS proxying: the proxy answers DNS itself from the mesh's service registry, so a service that
 * runs in only one region still resolves in the others (kube-dns there has no record of it), and
 * auto-allocation gives ServiceEntry hosts without addresses a virtual IP.
 */
export const DNS_PROXY_METADATA = {
  ISTIO_META_DNS_CAPTURE: 'true',
  ISTIO_META_DNS_AUTO_ALLOCATE: 'true',
} as const;

/**
 * meshConfig: the shared trust domain, DNS proxying, and the Envoy stats the HighConnectionPoolUsage alert
 * reads (Istio only exports a few upstream cluster stats by default).
 */
export function meshConfig(ctx: ClusterContext) {
  return {
    trustDomain: ctx.topology.spec.mesh.trustDomain,
    defaultConfig: {
      proxyMetadata: { ...DNS_PROXY_METADATA },
      proxyStatsMatcher: { inclusionRegexps: ['.*upstream_cx_active.*', '.*upstream_rq_pending_active.*'] },
    },
  } as const;
}
