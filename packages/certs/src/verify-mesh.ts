import { X509Certificate as NodeCertificate } from 'node:crypto';
import { checkCaExtensions, checkSelfSigned, checkValidity, type CheckContext } from './check-ca.js';
import { isCertsError } from './errors.js';
import { finding, hasErrors, type Finding } from './findings.js';
import { certificateBlocks, parseCertificate } from './pem.js';
import { keyMatchesCertificate, type PrivateKey } from './private-key.js';
import { hasRoot, listClusters, readBundleFiles, readRoot } from './store.js';
import { verifyBundle, type BundleFiles, type BundleReport } from './verify-bundle.js';

export interface MeshRoot {
  readonly scope: 'root' | 'root.next';
  readonly certPem: string;
  /** When given, checked against the certificate. */
  readonly key?: PrivateKey;
}

export interface MeshInput extends CheckContext {
  /** The current root first; the incoming root second during a rotation. */
  readonly roots: readonly MeshRoot[];
  readonly clusters: readonly { readonly cluster: string; readonly files: BundleFiles }[];
  /** Clusters the topology declares: each must have a bundle. */
  readonly expectedClusters?: readonly string[];
}

export interface MeshReport {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
  readonly roots: readonly {
    readonly scope: string;
    readonly fingerprint: string;
    readonly subject: string;
    readonly notAfter: string;
  }[];
  readonly clusters: readonly BundleReport[];
}

function rootFindings(root: MeshRoot, ctx: CheckContext): Finding[] {
  const what = root.scope === 'root' ? 'the root CA' : 'the incoming root CA';
  try {
    const cert = parseCertificate(root.certPem, `${root.scope}/root-cert.pem`);
    const out = [
      ...checkValidity(cert, root.scope, what, ctx),
      ...checkCaExtensions(cert, root.scope, what, 'root'),
      ...checkSelfSigned(root.certPem, root.scope, what),
    ];
    if (root.key && !keyMatchesCertificate(root.key, cert.publicKey.rawData)) {
      out.push(
        finding('error', 'key-mismatch', root.scope, `root-key.pem is not the private key of ${what}`),
      );
    }
    return out;
  } catch (error) {
    return [
      finding(
        'error',
        'unreadable',
        root.scope,
        isCertsError(error) ? error.message : `${what} could not be read`,
      ),
    ];
  }
}

function duplicateFindings(reports: readonly BundleReport[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, string>();
  for (const r of reports) {
    for (const id of [r.intermediateFingerprint, r.publicKeyId]) {
      if (id === undefined) continue;
      const first = seen.get(id);
      if (first !== undefined && first !== r.cluster) {
        out.push(
          finding(
            'error',
            'duplicate-intermediate',
            r.cluster,
            `${r.cluster} shares its intermediate ${id === r.publicKeyId ? 'key' : 'certificate'} with ${first}: each cluster needs its own, so one leaked key does not cover both`,
            `okemesh certs issue --cluster ${r.cluster}`,
          ),
        );
        break;
      }
      seen.set(id, r.cluster);
    }
  }
  return out;
}

/**
 * Verifies a whole mesh: the root(s) are valid self-signed CAs, every cluster's bundle chains to the same
 * root, intermediates are distinct, nothing is expired or not yet valid, keys match certificates. Pure.
 */
export function verifyMesh(input: MeshInput): MeshReport {
  const meshRoots = input.roots.map((r) => r.certPem);
  const findings: Finding[] = input.roots.flatMap((r) => rootFindings(r, input));
  const reports = input.clusters.map((c) => verifyBundle(c.cluster, c.files, { ...input, meshRoots }));
  findings.push(...reports.flatMap((r) => r.findings), ...duplicateFindings(reports));
  const next = input.roots.find((r) => r.scope === 'root.next');
  if (next) {
    const nextFp = new NodeCertificate(next.certPem).fingerprint256;
    for (const c of input.clusters) {
      const trusted = certificateBlocks(c.files['root-cert.pem'] ?? '').map(
        (pem) => new NodeCertificate(pem).fingerprint256,
      );
      if (!trusted.includes(nextFp)) {
        findings.push(
          finding(
            'warning',
            'root-mismatch',
            c.cluster,
            'a root rotation is in progress and root-cert.pem does not trust the incoming root yet',
            `okemesh certs issue --cluster ${c.cluster}, then okemesh certs install`,
          ),
        );
      }
    }
  }
  const present = new Set(input.clusters.map((c) => c.cluster));
  for (const name of input.expectedClusters ?? []) {
    if (!present.has(name))
      findings.push(
        finding(
          'error',
          'missing-cluster',
          name,
          `the topology declares ${name} but the store has no bundle for it`,
          `okemesh certs issue --cluster ${name}`,
        ),
      );
  }
  const roots = input.roots.map((r) => {
    const cert = new NodeCertificate(r.certPem);
    return {
      scope: r.scope,
      fingerprint: cert.fingerprint256,
      subject: cert.subject.replace(/\n/g, ', '),
      notAfter: new Date(cert.validTo).toISOString(),
    };
  });
  return { ok: !hasErrors(findings), findings, roots, clusters: reports };
}

export interface VerifyStoreOptions extends CheckContext {
  readonly expectedClusters?: readonly string[];
  /** Decrypts an encrypted root key so it can be checked; without it the key check is skipped. */
  readonly passphrase?: string;
}

/** Reads a store directory and verifies it with {@link verifyMesh}. */
export async function verifyStore(dir: string, options: VerifyStoreOptions): Promise<MeshReport> {
  const roots: MeshRoot[] = [];
  for (const scope of ['root', 'root.next'] as const) {
    if (scope === 'root.next' && !(await hasRoot(dir, scope))) continue;
    const stored = await readRoot(dir, {
      slot: scope,
      ...(options.passphrase !== undefined && { passphrase: options.passphrase }),
    });
    roots.push({ scope, certPem: stored.certPem, ...(stored.key && { key: stored.key }) });
  }
  const clusters = [];
  for (const cluster of await listClusters(dir))
    clusters.push({ cluster, files: await readBundleFiles(dir, cluster) });
  return verifyMesh({ ...options, roots, clusters });
}
