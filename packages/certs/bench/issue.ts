// Benchmark: a root plus N intermediates (N = 2 and 16; RSA-4096 and P-256) with @okemesh/certs, against the
// equivalent openssl command sequence (Istio's tools/certs recipe: genpkey, req, x509 -req -extfile, cat) in the
// same run. Prints medians and the ratio openssl / okemesh (> 1 means okemesh is faster).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initRoot, issueIntermediates, type KeyType } from '@okemesh/certs';

const ROOT_CNF = `[req]
distinguished_name = dn
prompt = no
[dn]
O = Istio
CN = Root CA
[ext]
basicConstraints = critical, CA:true
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

const intermediateCnf = (cluster: string) => `[req]
distinguished_name = dn
prompt = no
[dn]
O = Istio
CN = Intermediate CA
L = ${cluster}
[ext]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:istiod.istio-system.svc
`;

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr.toString()}`);
}

const keyArgs = (type: KeyType) =>
  type === 'rsa-4096'
    ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096']
    : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];

function withOpenssl(dir: string, type: KeyType, clusters: readonly string[]): void {
  const root = join(dir, 'root');
  mkdirSync(root, { mode: 0o700 });
  writeFileSync(join(root, 'root.cnf'), ROOT_CNF);
  openssl(['genpkey', ...keyArgs(type), '-out', join(root, 'root-key.pem')]);
  openssl([
    'req',
    '-new',
    '-x509',
    '-sha256',
    '-days',
    '3650',
    '-key',
    join(root, 'root-key.pem'),
    '-config',
    join(root, 'root.cnf'),
    '-extensions',
    'ext',
    '-out',
    join(root, 'root-cert.pem'),
  ]);
  const rootPem = readFileSync(join(root, 'root-cert.pem'), 'utf8');
  for (const cluster of clusters) {
    const d = join(dir, cluster);
    mkdirSync(d, { mode: 0o700 });
    writeFileSync(join(d, 'intermediate.cnf'), intermediateCnf(cluster));
    openssl(['genpkey', ...keyArgs(type), '-out', join(d, 'ca-key.pem')]);
    openssl([
      'req',
      '-new',
      '-sha256',
      '-key',
      join(d, 'ca-key.pem'),
      '-config',
      join(d, 'intermediate.cnf'),
      '-out',
      join(d, 'ca.csr'),
    ]);
    openssl([
      'x509',
      '-req',
      '-sha256',
      '-days',
      '365',
      '-in',
      join(d, 'ca.csr'),
      '-CA',
      join(root, 'root-cert.pem'),
      '-CAkey',
      join(root, 'root-key.pem'),
      '-CAcreateserial',
      '-extfile',
      join(d, 'intermediate.cnf'),
      '-extensions',
      'ext',
      '-out',
      join(d, 'ca-cert.pem'),
    ]);
    writeFileSync(join(d, 'cert-chain.pem'), readFileSync(join(d, 'ca-cert.pem'), 'utf8') + rootPem);
    writeFileSync(join(d, 'root-cert.pem'), rootPem);
  }
}

async function withOkemesh(dir: string, type: KeyType, clusters: readonly string[]): Promise<void> {
  const now = new Date();
  await initRoot(dir, { now, keyType: type });
  await issueIntermediates(dir, clusters, { now, keyType: type });
}

async function time(fn: (dir: string) => unknown): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'okemesh-bench-'));
  try {
    const start = process.hrtime.bigint();
    await fn(join(dir, 'store'));
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const runsFor = (type: KeyType) => Number(process.env.BENCH_RUNS ?? (type === 'rsa-4096' ? 3 : 7));
const version = spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout.trim();
console.log(`root + N intermediates, median of runs (Node ${process.version}, ${version})`);
console.log('key type     N   okemesh ms   openssl ms   ratio openssl/okemesh');
for (const type of ['ecdsa-p256', 'rsa-4096'] as const) {
  for (const n of [2, 16]) {
    const clusters = Array.from({ length: n }, (_, i) => `cluster-${i + 1}`);
    const ours: number[] = [];
    const theirs: number[] = [];
    // interleave so machine drift affects both alike
    for (let i = 0; i < runsFor(type); i++) {
      ours.push(await time((dir) => withOkemesh(dir, type, clusters)));
      theirs.push(
        await time((dir) => {
          mkdirSync(dir, { mode: 0o700 });
          withOpenssl(dir, type, clusters);
        }),
      );
    }
    const a = median(ours);
    const b = median(theirs);
    console.log(
      `${type.padEnd(11)} ${String(n).padStart(2)} ${a.toFixed(0).padStart(12)} ${b.toFixed(0).padStart(12)}   ${(b / a).toFixed(2)}x`,
    );
  }
}
