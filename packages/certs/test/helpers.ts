import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openssl, opensslOk, type RunResult as OpensslResult } from '@okemesh/test-support';

/** A fixed moment so validity checks do not depend on when the suite runs. */
export const NOW = new Date('2026-11-23T12:00:00Z');

export { openssl, opensslOk, tempDir } from '@okemesh/test-support';
export type { RunResult as OpensslResult } from '@okemesh/test-support';

const LEAF_EXT = [
  '[leaf]',
  'basicConstraints = CA:false',
  'keyUsage = critical, digitalSignature, keyEncipherment',
  'extendedKeyUsage = serverAuth, clientAuth',
  'subjectAltName = URI:spiffe://cluster.local/ns/bookinfo/sa/reviews',
  '',
].join('\n');

/**
 * Issues a workload leaf the way istiod would (one-day, SPIFFE SAN) with openssl, signed by a cluster's
 * ca-cert.pem/ca-key.pem, and returns its path.
 */
export function issueLeaf(clusterDir: string, work: string, name = 'leaf'): string {
  const key = join(work, `${name}-key.pem`);
  const csr = join(work, `${name}.csr`);
  const cert = join(work, `${name}.pem`);
  const ext = join(work, `${name}.cnf`);
  writeFileSync(ext, LEAF_EXT);
  opensslOk([
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    key,
    '-subj',
    '/CN=Workload',
    '-out',
    csr,
  ]);
  opensslOk([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    join(clusterDir, 'ca-cert.pem'),
    '-CAkey',
    join(clusterDir, 'ca-key.pem'),
    '-CAcreateserial',
    '-days',
    '1',
    '-sha256',
    '-extfile',
    ext,
    '-extensions',
    'leaf',
    '-out',
    cert,
  ]);
  return cert;
}

/** `openssl verify -CAfile <root> [-untrusted <intermediate>] <cert>` as status + output. */
export function verifyWithOpenssl(rootFile: string, cert: string, untrusted?: string): OpensslResult {
  return openssl(['verify', '-CAfile', rootFile, ...(untrusted ? ['-untrusted', untrusted] : []), cert]);
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

export function opensslVersion(): string {
  return opensslOk(['version']).trim();
}

/** A fast mesh store (ECDSA P-256) with the given clusters, issued at `now`. */
export async function makeMesh(
  dir: string,
  clusters: readonly string[],
  options: { now?: Date; intermediateDays?: number; passphrase?: string } = {},
): Promise<void> {
  const { initRoot, issueIntermediates } = await import('../src/index.js');
  const now = options.now ?? NOW;
  const pass = options.passphrase === undefined ? {} : { passphrase: options.passphrase };
  await initRoot(dir, { now, keyType: 'ecdsa-p256', ...pass });
  await issueIntermediates(dir, clusters, {
    now,
    keyType: 'ecdsa-p256',
    ...pass,
    ...(options.intermediateDays !== undefined && { validityDays: options.intermediateDays }),
  });
}
