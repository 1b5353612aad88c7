import type { Secret } from '../model/core.js';

/**
 * The few Kubernetes calls `mesh link` makes against one cluster. The library ships an implementation
 * on @kubernetes/client-node (`kubeconfigClientFactory`); tests can pass any other.
 */
export interface LinkClient {
  /** API server URL of the context, copied into the remote kubeconfig. */
  readonly server: string;
  /** Base64 CA of the context, the fallback when no token Secret carries `ca.crt`. */
  readonly caData: string | undefined;
  readonly tlsServerName: string | undefined;
  readSecret(namespace: string, name: string): Promise<StoredSecret | undefined>;
  createSecret(secret: Secret): Promise<void>;
  /** Replaces an existing Secret; `resourceVersion` guards against lost updates. */
  replaceSecret(secret: Secret, resourceVersion: string): Promise<void>;
  serviceAccountExists(namespace: string, name: string): Promise<boolean>;
  createServiceAccount(namespace: string, name: string): Promise<void>;
  /** A TokenRequest for the ServiceAccount. */
  requestToken(namespace: string, name: string, expirationSeconds: number): Promise<string>;
  namespaceExists(name: string): Promise<boolean>;
}

/** A Secret as read back, with the resourceVersion needed to replace it. */
export type StoredSecret = Secret & {
  readonly metadata: Secret['metadata'] & { readonly resourceVersion?: string };
};

/** Opens a client for a kubeconfig context (the cluster's `kubeContext`). */
export type LinkClientFactory = (context: string) => Promise<LinkClient>;
