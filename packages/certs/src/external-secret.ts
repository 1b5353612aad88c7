import { CACERTS_FILES, type CacertsFile } from './bundle.js';
import { CACERTS_SECRET, CLUSTER_LABEL, ISTIO_NAMESPACE, MANAGED_BY_LABEL } from './secret.js';

/** How External Secrets Operator reaches OCI Vault (`spec.provider.oracle.principalType`). */
export type OciPrincipalType = 'Workload' | 'InstancePrincipal' | 'UserPrincipal';

export interface OciVaultStoreOptions {
  /** OCID of the OCI Vault holding the secrets. */
  readonly vault: string;
  readonly region: string;
  /** Defaults to `Workload` (OKE workload identity: no API key to manage). */
  readonly principalType?: OciPrincipalType;
  /** Defaults to `okemesh-oci-vault`. */
  readonly name?: string;
}

export interface ExternalSecretOptions {
  /** The (Cluster)SecretStore to read from; defaults to the ClusterSecretStore `okemesh-oci-vault`. */
  readonly storeName?: string;
  readonly storeKind?: 'ClusterSecretStore' | 'SecretStore';
  /** Defaults to `1h`. */
  readonly refreshInterval?: string;
  /** Vault secret names are `<prefix><cluster>-<file stem>`; defaults to `okemesh-`. */
  readonly keyPrefix?: string;
}

const DEFAULT_STORE = 'okemesh-oci-vault';

/** Name of the OCI Vault secret that holds one cacerts file of a cluster, e.g. `okemesh-east-ca-key`. */
export function vaultSecretName(cluster: string, file: CacertsFile, keyPrefix = 'okemesh-'): string {
  return `${keyPrefix}${cluster}-${file.replace(/\.pem$/, '')}`;
}

/** A ClusterSecretStore for the External Secrets Operator's Oracle provider. */
export function ociVaultSecretStore(options: OciVaultStoreOptions) {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name: options.name ?? DEFAULT_STORE, labels: { [MANAGED_BY_LABEL]: 'okemesh' } },
    spec: {
      provider: {
        oracle: {
          vault: options.vault,
          region: options.region,
          principalType: options.principalType ?? 'Workload',
        },
      },
    },
  };
}

/**
 * An `ExternalSecret` that materializes `istio-system/cacerts` from four OCI Vault secrets, so the bundle in
 * Git holds no key: upload the files of `<store>/<cluster>/` to the Vault once (names from
 * {@link vaultSecretName}), and the operator writes the Secret in the cluster.
 */
export function cacertsExternalSecret(cluster: string, options: ExternalSecretOptions = {}) {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: {
      name: CACERTS_SECRET,
      namespace: ISTIO_NAMESPACE,
      labels: { [MANAGED_BY_LABEL]: 'okemesh', [CLUSTER_LABEL]: cluster },
    },
    spec: {
      refreshInterval: options.refreshInterval ?? '1h',
      secretStoreRef: {
        name: options.storeName ?? DEFAULT_STORE,
        kind: options.storeKind ?? 'ClusterSecretStore',
      },
      target: { name: CACERTS_SECRET, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: CACERTS_FILES.map((file) => ({
        secretKey: file,
        remoteRef: { key: vaultSecretName(cluster, file, options.keyPrefix) },
      })),
    },
  };
}
