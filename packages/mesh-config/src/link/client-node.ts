import { parse } from 'yaml';
import { isMeshConfigError, MeshConfigError } from '../errors.js';
import type { Secret } from '../model/core.js';
import { unsafeKubeconfigReasons } from './kubeconfig-safety.js';
import type { LinkClient, LinkClientFactory, StoredSecret } from './link-client.js';

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/** Turns an API failure into a MeshConfigError that names the call but never echoes bodies (they may hold tokens). */
function apiFailure(context: string, what: string, error: unknown): MeshConfigError {
  const status = statusOf(error);
  const reason =
    status === undefined ? (error instanceof Error ? error.message : String(error)) : `HTTP ${status}`;
  return new MeshConfigError('MESH_LINK_API_FAILED', `${context}: ${what} failed (${reason})`, {
    cause: status === undefined ? error : undefined,
  });
}

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
  const raw: unknown = parse(kubeconfigText);
  return async (context) => {
    const reasons = unsafeKubeconfigReasons(raw, context, 'connect');
    if (reasons.length === 1 && reasons[0]?.endsWith('does not exist')) {
      throw new MeshConfigError('MESH_LINK_CONTEXT_NOT_FOUND', `kubeconfig has no context "${context}"`);
    }
    if (reasons.length > 0) {
      throw new MeshConfigError(
        'MESH_LINK_UNSAFE_KUBECONFIG',
        `context "${context}" is refused: ${reasons.join('; ')}`,
      );
    }
    const k8s = await import('@kubernetes/client-node');
    const config = new k8s.KubeConfig();
    config.loadFromString(kubeconfigText);
    config.setCurrentContext(context);
    const cluster = config.getCurrentCluster();
    if (!cluster)
      throw new MeshConfigError('MESH_LINK_CONTEXT_NOT_FOUND', `context "${context}" names no cluster`);
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
