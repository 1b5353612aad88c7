import { X509Certificate as NodeCertificate } from 'node:crypto';
import { createIntermediateCa, createRootCa, type CertificateAuthority } from './authority.js';
import { cacertsBundle } from './bundle.js';
import { CertsError } from './errors.js';
import type { KeyType } from './key-type.js';
import { parseCertificate } from './pem.js';
import { readRotation } from './rotation-state.js';
import { readRoot, writeBundle, writeRoot, type RootSlot } from './store.js';

export interface CaSettings {
  readonly keyType?: KeyType;
  readonly validityDays?: number;
  readonly organization?: string;
}

export interface InitRootOptions extends CaSettings {
  readonly now: Date;
  readonly force?: boolean;
  /** Encrypt the root key (PKCS#8) with this passphrase. */
  readonly passphrase?: string;
}

/** What a command may print about a certificate: no key material. */
export interface IssuedSummary {
  readonly scope: string;
  readonly subject: string;
  readonly fingerprint: string;
  readonly notAfter: string;
  readonly path: string;
}

function summarize(scope: string, certPem: string, path: string): IssuedSummary {
  const cert = new NodeCertificate(certPem);
  return {
    scope,
    subject: cert.subject.replace(/\n/g, ', '),
    fingerprint: cert.fingerprint256,
    notAfter: new Date(cert.validTo).toISOString(),
    path,
  };
}

/** Creates the mesh root in `<dir>/root/` (refuses to replace an existing one unless `force`). */
export async function initRoot(
  dir: string,
  options: InitRootOptions,
  slot: RootSlot = 'root',
): Promise<IssuedSummary> {
  const root = await createRootCa(options);
  await writeRoot(dir, root, {
    slot,
    ...(options.force !== undefined && { force: options.force }),
    ...(options.passphrase !== undefined && { passphrase: options.passphrase }),
  });
  return summarize(slot, root.certPem, `${dir}/${slot}`);
}

/** Loads a root with its key, for signing. */
export async function loadSigningRoot(
  dir: string,
  slot: RootSlot,
  passphrase: string | undefined,
): Promise<CertificateAuthority> {
  const stored = await readRoot(dir, {
    slot,
    requireKey: true,
    ...(passphrase !== undefined && { passphrase }),
  });
  if (!stored.key) throw new CertsError('CERT_ROOT_MISSING', `${dir}/${slot} has no readable root key`);
  return {
    certificate: parseCertificate(stored.certPem, `${dir}/${slot}/root-cert.pem`),
    certPem: stored.certPem,
    key: stored.key,
  };
}

export interface IssueOptions extends CaSettings {
  readonly now: Date;
  readonly passphrase?: string;
}

/**
 * Issues (or renews) the intermediates of `clusters` under the mesh root and writes their bundles. During a
 * root rotation the bundles trust both roots, and after the cutover the incoming root signs.
 */
export async function issueIntermediates(
  dir: string,
  clusters: readonly string[],
  options: IssueOptions,
): Promise<IssuedSummary[]> {
  if (clusters.length === 0)
    throw new CertsError('CERT_INVALID_OPTIONS', 'no cluster to issue an intermediate for');
  const rotation = await readRotation(dir);
  const signingSlot: RootSlot = rotation.phase === 'cutover' ? 'root.next' : 'root';
  const signer = await loadSigningRoot(dir, signingSlot, options.passphrase);
  const trusted = [(await readRoot(dir)).certPem];
  if (rotation.phase !== 'none') trusted.push((await readRoot(dir, { slot: 'root.next' })).certPem);
  // Key generation runs on libuv's thread pool: generate every intermediate at once, then write in order.
  const intermediates = await Promise.all(
    clusters.map((cluster) => createIntermediateCa(signer, { ...options, cluster })),
  );
  const out: IssuedSummary[] = [];
  for (const [i, cluster] of clusters.entries()) {
    const intermediate = intermediates[i];
    if (!intermediate) continue;
    const path = await writeBundle(dir, cacertsBundle(cluster, intermediate, signer.certPem, trusted));
    out.push(summarize(cluster, intermediate.certPem, path));
  }
  return out;
}
