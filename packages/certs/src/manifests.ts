import { bundleFromFiles } from './bundle.js';
import { CertsError } from './errors.js';
import {
  cacertsExternalSecret,
  ociVaultSecretStore,
  type ExternalSecretOptions,
  type OciVaultStoreOptions,
} from './external-secret.js';
import { formatFinding } from './findings.js';
import { cacertsSecret } from './secret.js';
import { listClusters, readBundleFiles } from './store.js';
import { verifyStore } from './verify-mesh.js';

export interface CacertsManifestOptions {
  readonly now: Date;
  /** `secret` (default): the Secret itself, keys included. `external-secret`: an ExternalSecret per cluster. */
  readonly mode?: 'secret' | 'external-secret';
  /** Only these clusters (default: every cluster in the store). */
  readonly clusters?: readonly string[];
  readonly externalSecret?: ExternalSecretOptions;
  /** In `external-secret` mode, also emit the ClusterSecretStore for this OCI Vault in every cluster. */
  readonly vault?: OciVaultStoreOptions;
}

export interface CacertsManifests {
  /** Kubernetes objects per cluster name, ready for the one YAML serializer. */
  readonly clusters: Readonly<Record<string, readonly object[]>>;
  /** True in `secret` mode: the output then holds intermediate private keys. */
  readonly containsPrivateKeys: boolean;
  /** Lines the caller should show the user (the private-key warning, upload instructions). */
  readonly warnings: readonly string[];
}

/**
 * The per-cluster `istio-system/cacerts` objects for a certificate store, for `okemesh render --certs <dir>`.
 * The store is verified first (any error throws CERT_BUNDLE_INVALID); the root key is never read.
 */
export async function cacertsManifests(
  dir: string,
  options: CacertsManifestOptions,
): Promise<CacertsManifests> {
  const mode = options.mode ?? 'secret';
  const report = await verifyStore(dir, {
    now: options.now,
    ...(options.clusters && { expectedClusters: options.clusters }),
  });
  if (!report.ok) {
    const lines = report.findings.filter((f) => f.severity === 'error').map(formatFinding);
    throw new CertsError(
      'CERT_BUNDLE_INVALID',
      `the certificate store ${dir} does not verify:\n${lines.join('\n')}`,
    );
  }
  const names = options.clusters ?? (await listClusters(dir));
  const clusters: Record<string, object[]> = {};
  for (const cluster of names) {
    clusters[cluster] =
      mode === 'secret'
        ? [cacertsSecret(bundleFromFiles(cluster, await readBundleFiles(dir, cluster)))]
        : [
            ...(options.vault
              ? [
                  ociVaultSecretStore({
                    ...options.vault,
                    ...(options.externalSecret?.storeName !== undefined && {
                      name: options.externalSecret.storeName,
                    }),
                  }),
                ]
              : []),
            cacertsExternalSecret(cluster, options.externalSecret),
          ];
  }
  const warnings =
    mode === 'secret'
      ? [
          `the rendered bundle holds the intermediate CA private keys of ${names.length} cluster(s) (ca-key.pem): do not commit it to Git; prefer --certs-mode external-secret (OCI Vault)`,
        ]
      : [
          `upload each cluster's four files from ${dir}/<cluster>/ to OCI Vault under the names the ExternalSecrets reference before applying`,
        ];
  return { clusters, containsPrivateKeys: mode === 'secret', warnings };
}
