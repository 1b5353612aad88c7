import type { Service } from '@okemesh/topology';
import { formatDuration, parseDuration } from '@okemesh/topology/duration';

/** Names and label keys fixed by Istio; kept in one place so the renderer and the docs agree. */
export const ISTIO_NAMESPACE = 'istio-system';
export const NETWORK_LABEL = 'topology.istio.io/network';
export const EASTWEST_GATEWAY = 'istio-eastwestgateway';
export const EASTWEST_SELECTOR = { istio: 'eastwestgateway' } as const;
export const INGRESS_GATEWAY = 'istio-ingressgateway';
export const INGRESS_SELECTOR = { istio: 'ingressgateway' } as const;
export const READER_SERVICE_ACCOUNT = 'istio-reader-service-account';
export const READER_TOKEN_SECRET = `${READER_SERVICE_ACCOUNT}-istio-remote-secret-token`;
/**
 * The revision tag namespaces select (`istio.io/rev: prod-stable`) when the control plane is revisioned. A
 * canary upgrade installs the new revision next to the old one and moves the tag (`istioctl tag set`),
 * instead of relabelling every namespace.
 */
export const REVISION_TAG = 'prod-stable';
export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'okemesh' } as const;
/**
 * Argo CD never prunes (object gone from Git) nor deletes (Application deleted, e.g. a cluster leaving
 * mesh.yaml) an object with this annotation: Namespaces cascade to every workload in them, and the reader
 * token backs the peers' remote secrets.
 */
export const ARGO_KEEP = { 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false' } as const;

/** The one hostname a service has in every cluster (namespace sameness): `<name>.<ns>.svc.cluster.local`. */
export function serviceHost(service: Pick<Service, 'name' | 'namespace'>): string {
  return `${service.name}.${service.namespace}.svc.cluster.local`;
}

/** Name of the remote secret that lets other clusters' istiods read `cluster`. */
export function remoteSecretName(cluster: string): string {
  return `istio-remote-secret-${cluster}`;
}

/**
 * A duration Istio accepts: whole milliseconds, at least `min` (Istio's CRDs reject anything under 1ms).
 * Topology durations are already validated; this only normalises the spelling (`1m30s` → `90s`).
 */
export function istioDuration(text: string, minMs = 1): string {
  const ms = Math.max(minMs, Math.round(parseDuration(text) ?? minMs));
  return formatDuration(ms);
}
