import type { Ingress } from '@okemesh/topology';
import type { KubeObject } from '../../model/kube-object.js';
import { ISTIO_NAMESPACE, MANAGED_BY } from '../../names.js';
import type { IngressTlsExternalSecret } from '../context.js';

/** The ExternalSecret kind (external-secrets.io/v1); the bundle renders only this shape. */
export interface ExternalSecret extends KubeObject {
  readonly apiVersion: 'external-secrets.io/v1';
  readonly kind: 'ExternalSecret';
  readonly spec: {
    readonly refreshInterval: string;
    readonly secretStoreRef: { readonly name: string; readonly kind: string };
    readonly target: {
      readonly name: string;
      readonly creationPolicy: 'Owner';
      readonly deletionPolicy: 'Retain';
      readonly template: { readonly type: 'kubernetes.io/tls' };
    };
    readonly data: readonly { readonly secretKey: string; readonly remoteRef: { readonly key: string } }[];
  };
}

/** Vault secret names of the ingress certificate and key. */
export function ingressTlsVaultKeys(ingress: Ingress, options: IngressTlsExternalSecret) {
  return {
    cert: options.certKey ?? `${ingress.tlsSecret}-crt`,
    key: options.keyKey ?? `${ingress.tlsSecret}-key`,
  };
}

/**
 * `istio-system/<tlsSecret>` (`kubernetes.io/tls`) materialized by the External Secrets Operator from two OCI
 * Vault secrets, in every cluster (DNS steering sends clients to any region, so all serve the same
 * certificate). The Secret is retained if the ExternalSecret goes, so a sync problem never drops ingress TLS.
 */
export function ingressTlsExternalSecret(
  ingress: Ingress,
  options: IngressTlsExternalSecret,
): ExternalSecret {
  const keys = ingressTlsVaultKeys(ingress, options);
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: ingress.tlsSecret, namespace: ISTIO_NAMESPACE, labels: { ...MANAGED_BY } },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: {
        name: options.storeName ?? 'okemesh-oci-vault',
        kind: options.storeKind ?? 'ClusterSecretStore',
      },
      target: {
        name: ingress.tlsSecret,
        creationPolicy: 'Owner',
        deletionPolicy: 'Retain',
        template: { type: 'kubernetes.io/tls' },
      },
      data: [
        { secretKey: 'tls.crt', remoteRef: { key: keys.cert } },
        { secretKey: 'tls.key', remoteRef: { key: keys.key } },
      ],
    },
  };
}
