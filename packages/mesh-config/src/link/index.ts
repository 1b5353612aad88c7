// `@okemesh/mesh-config/link`: live-cluster linking (istio-remote-secret-<cluster> in every peer). Kept off the
// main entry so render/lint users neither install nor load @kubernetes/client-node (an optional peer dependency,
// imported lazily by kubeconfigClientFactory only).
export { linkClusters } from './link.js';
export type { LinkAction, LinkChange, LinkOptions, LinkResult } from './link.js';
export type { LinkClient, LinkClientFactory, StoredSecret } from './link-client.js';
export { kubeconfigClientFactory } from './client-node.js';
export { unsafeKubeconfigReasons } from '@okemesh/kube';
export { remoteSecret, remoteKubeconfig } from './remote-secret.js';
export type { ClusterCredentials } from './remote-secret.js';
export type { TokenSource } from './credentials.js';
