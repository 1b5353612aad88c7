import { apiFailure, statusOf } from '@okemesh/kube';
import { X509Certificate as NodeCertificate } from 'node:crypto';
import { CACERTS_FILES, cacertsFiles, type CacertsBundle } from './bundle.js';
import { CertsError } from './errors.js';
import { formatFinding, hasErrors } from './findings.js';
import { certificateBlocks } from './pem.js';
import {
  CACERTS_SECRET,
  cacertsSecret,
  decodeSecretData,
  ISTIO_NAMESPACE,
  type SecretObject,
} from './secret.js';
import { verifyBundle } from './verify-bundle.js';

/** The slice of client-node's `CoreV1Api` that install uses (so tests can pass any implementation). */
export interface CacertsKubeClient {
  readNamespace(param: { name: string }): Promise<unknown>;
  createNamespace(param: {
    body: { apiVersion: 'v1'; kind: 'Namespace'; metadata: { name: string } };
  }): Promise<unknown>;
  readNamespacedSecret(param: {
    name: string;
    namespace: string;
  }): Promise<{ metadata?: { resourceVersion?: string }; data?: Record<string, string> }>;
  createNamespacedSecret(param: { namespace: string; body: SecretObject }): Promise<unknown>;
  replaceNamespacedSecret(param: { name: string; namespace: string; body: SecretObject }): Promise<unknown>;
}

export interface InstallOptions {
  readonly now: Date;
  /** Replace a cacerts whose roots share nothing with the bundle's (breaks trust with the other clusters). */
  readonly allowRootChange?: boolean;
  readonly namespace?: string;
}

export interface InstallResult {
  readonly cluster: string;
  readonly namespace: string;
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly namespaceCreated: boolean;
  readonly roots: readonly string[];
  readonly previousRoots: readonly string[];
}

async function orNotFound<T>(
  call: () => Promise<T>,
  cluster: string,
  action: string,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw apiFailure(cluster, action, error);
  }
}

const fingerprints = (pem: string | undefined) =>
  certificateBlocks(pem ?? '').map((b) => new NodeCertificate(b).fingerprint256);

/**
 * Creates or updates `istio-system/cacerts` from a bundle: checks the bundle first, refuses a root that shares
 * nothing with the cluster's current roots unless `allowRootChange`, and writes exactly the four cacerts keys.
 */
export async function installCacerts(
  client: CacertsKubeClient,
  bundle: CacertsBundle,
  options: InstallOptions,
): Promise<InstallResult> {
  const namespace = options.namespace ?? ISTIO_NAMESPACE;
  const files = cacertsFiles(bundle);
  const roots = fingerprints(files['root-cert.pem']);
  const check = verifyBundle(bundle.cluster, files, {
    now: options.now,
    meshRoots: certificateBlocks(files['root-cert.pem']),
  });
  if (hasErrors(check.findings)) {
    const lines = check.findings.filter((f) => f.severity === 'error').map(formatFinding);
    throw new CertsError(
      'CERT_BUNDLE_INVALID',
      `refusing to install an invalid bundle for ${bundle.cluster}:\n${lines.join('\n')}`,
    );
  }
  const body = cacertsSecret(bundle, namespace);
  if (Object.keys(body.data).sort().join() !== [...CACERTS_FILES].sort().join()) {
    throw new CertsError(
      'CERT_BUNDLE_INVALID',
      'a cacerts Secret must hold exactly the four plug-in CA keys',
    );
  }

  let namespaceCreated = false;
  if (
    (await orNotFound(
      () => client.readNamespace({ name: namespace }),
      bundle.cluster,
      `reading namespace ${namespace}`,
    )) === undefined
  ) {
    try {
      await client.createNamespace({
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      });
      namespaceCreated = true;
    } catch (error) {
      if (statusOf(error) !== 409) throw apiFailure(bundle.cluster, `creating namespace ${namespace}`, error);
    }
  }

  const where = `${namespace}/${CACERTS_SECRET}`;
  const existing = await orNotFound(
    () => client.readNamespacedSecret({ name: CACERTS_SECRET, namespace }),
    bundle.cluster,
    `reading ${where}`,
  );
  const current = decodeSecretData(existing?.data);
  const previousRoots = fingerprints(current['root-cert.pem']);
  const result = { cluster: bundle.cluster, namespace, namespaceCreated, roots, previousRoots };
  if (!existing) {
    try {
      await client.createNamespacedSecret({ namespace, body });
    } catch (error) {
      throw apiFailure(bundle.cluster, `creating ${where}`, error);
    }
    return { ...result, action: 'created' };
  }
  if (!options.allowRootChange && !previousRoots.some((fp) => roots.includes(fp))) {
    throw new CertsError(
      'CERT_ROOT_CHANGE_REFUSED',
      `${where} in this cluster trusts ${previousRoots.length ? previousRoots.join(', ') : 'no readable root'}, and the bundle for ${bundle.cluster} trusts ${roots.join(', ')}: ` +
        'replacing it would cut this cluster off from the others. Rotate the root in stages (okemesh certs rotate root), or pass --allow-root-change',
    );
  }
  if (
    CACERTS_FILES.every((name) => current[name] === files[name]) &&
    Object.keys(current).length === CACERTS_FILES.length
  ) {
    return { ...result, action: 'unchanged' };
  }
  const resourceVersion = existing.metadata?.resourceVersion;
  const replacement: SecretObject = {
    ...body,
    metadata: { ...body.metadata, ...(resourceVersion !== undefined && { resourceVersion }) },
  };
  try {
    await client.replaceNamespacedSecret({ name: CACERTS_SECRET, namespace, body: replacement });
  } catch (error) {
    throw apiFailure(bundle.cluster, `replacing ${where}`, error);
  }
  return { ...result, action: 'updated' };
}
