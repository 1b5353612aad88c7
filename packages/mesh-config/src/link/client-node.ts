import { apiFailure, KubeError, loadKubeconfig, statusOf, type LoadedKubeconfig } from '@okemesh/kube';
import { isMeshConfigError, MeshConfigError } from '../errors.js';
import type { Secret } from '../model/core.js';
import type { LinkClient, LinkClientFactory, StoredSecret } from './link-client.js';

async function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * A {@link LinkClientFactory} over @kubernetes/client-node (imported lazily) for the contexts of one
 * kubeconfig document. Any authentication client-node supports is accepted, including the exec plugin
 * (`oci ce cluster generate-token`) of OCI-generated kubeconfigs; only insecure-skip-tls-verify is refused.
 * The istiod restrictions apply to the remote secrets okemesh generates, not to this kubeconfig.
 */
export function kubeconfigClientFactory(kubeconfigText: string): LinkClientFactory {
  let loaded: Promise<LoadedKubeconfig> | undefined;
  return async (context) => {
    loaded ??= loadKubeconfig({ text: kubeconfigText });
    const config = await (await loaded).forContext(context);
    const cluster = config.getCurrentCluster();
    if (!cluster) throw new KubeError('KUBE_CONTEXT_NOT_FOUND', `context "${context}" names no cluster`);
    const k8s = await import('@kubernetes/client-node');
    const api = config.makeApiClient(k8s.CoreV1Api);
    const guard = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (error) {
        if (isMeshConfigError(error)) throw error;
        throw apiFailure(context, what, error);
      }
    };
    const client: LinkClient = {
      server: cluster.server,
      caData: cluster.caData,
      tlsServerName: cluster.tlsServerName,
      readSecret: (namespace, name) =>
        guard(
          `read Secret ${namespace}/${name}`,
          async () =>
            (await orUndefined(api.readNamespacedSecret({ namespace, name }))) as StoredSecret | undefined,
        ),
      createSecret: (secret: Secret) =>
        guard(`create Secret ${secret.metadata.namespace ?? ''}/${secret.metadata.name}`, async () => {
          await api.createNamespacedSecret({
            namespace: secret.metadata.namespace ?? 'default',
            body: secret,
          });
        }),
      replaceSecret: (secret: Secret, resourceVersion: string) =>
        guard(`replace Secret ${secret.metadata.namespace ?? ''}/${secret.metadata.name}`, async () => {
          const body = { ...secret, metadata: { ...secret.metadata, resourceVersion } };
          await api.replaceNamespacedSecret({
            namespace: secret.metadata.namespace ?? 'default',
            name: secret.metadata.name,
            body,
          });
        }),
      serviceAccountExists: (namespace, name) =>
        guard(
          `read ServiceAccount ${namespace}/${name}`,
          async () =>
            (await orUndefined(api.readNamespacedServiceAccount({ namespace, name }))) !== undefined,
        ),
      createServiceAccount: (namespace, name) =>
        guard(`create ServiceAccount ${namespace}/${name}`, async () => {
          await api.createNamespacedServiceAccount({
            namespace,
            body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } },
          });
        }),
      requestToken: (namespace, name, expirationSeconds) =>
        guard(`TokenRequest for ${namespace}/${name}`, async () => {
          const response = await api.createNamespacedServiceAccountToken({
            namespace,
            name,
            body: {
              apiVersion: 'authentication.k8s.io/v1',
              kind: 'TokenRequest',
              spec: { audiences: [], expirationSeconds },
            },
          });
          const token = response.status?.token;
          if (!token)
            throw new MeshConfigError(
              'MESH_LINK_TOKEN_UNAVAILABLE',
              `${context}: TokenRequest returned no token`,
            );
          return token;
        }),
      namespaceExists: (name) =>
        guard(
          `read Namespace ${name}`,
          async () => (await orUndefined(api.readNamespace({ name }))) !== undefined,
        ),
    };
    return client;
  };
}
