import type { Secret } from '../model/core.js';
import { ISTIO_NAMESPACE, remoteSecretName } from '../names.js';
import { toYaml } from '../serialize.js';

/** What a remote secret needs to know about the cluster it grants access to. Holds a token: never log it. */
export interface ClusterCredentials {
  /** Istio cluster name (the remote's `values.global.multiCluster.clusterName`). */
  readonly cluster: string;
  readonly server: string;
  /** Base64 PEM of the CA that signed the API server certificate. */
  readonly caData: string;
  readonly token: string;
  readonly tlsServerName?: string;
}

/** The kubeconfig istiod uses to read a remote cluster, as `istioctl create-remote-secret` writes it. */
export function remoteKubeconfig(creds: ClusterCredentials): string {
  const name = creds.cluster;
  return toYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster: {
          'certificate-authority-data': creds.caData,
          server: creds.server,
          ...(creds.tlsServerName === undefined ? {} : { 'tls-server-name': creds.tlsServerName }),
        },
      },
    ],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
    preferences: {},
    users: [{ name, user: { token: creds.token } }],
  });
}

export const MULTICLUSTER_LABEL = 'istio/multiCluster';
export const CLUSTER_ANNOTATION = 'networking.istio.io/cluster';

/**
 * `istio-remote-secret-<cluster>` for istio-system of every other cluster: label
 * `istio/multiCluster: "true"`, annotation `networking.istio.io/cluster`, exactly one data key equal to
 * the cluster name (istiod treats each key as a cluster ID).
 */
export function remoteSecret(creds: ClusterCredentials): Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: remoteSecretName(creds.cluster),
      namespace: ISTIO_NAMESPACE,
      labels: { [MULTICLUSTER_LABEL]: 'true', 'app.kubernetes.io/managed-by': 'okemesh' },
      annotations: { [CLUSTER_ANNOTATION]: creds.cluster },
    },
    data: { [creds.cluster]: Buffer.from(remoteKubeconfig(creds)).toString('base64') },
  };
}
