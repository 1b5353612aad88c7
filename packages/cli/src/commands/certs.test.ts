import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo, type BufferIo } from '../../test/io.js';
import { run } from '../run.js';

const EC = ['--key-type', 'ecdsa-p256'];
const CLUSTERS = ['primary-cluster', 'secondary-cluster'];

async function workdir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'okemesh-certs-cli-'));
}

function ioWith(cwd: string, env: NodeJS.ProcessEnv = {}): BufferIo {
  return { ...bufferIo(cwd), env };
}

/** Every private key under the store, as its base64 body lines. */
async function keyLines(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await readdir(dir)) {
    const path = join(dir, sub);
    if (!(await stat(path)).isDirectory()) continue;
    for (const f of await readdir(path)) {
      if (!f.endsWith('key.pem')) continue;
      out.push(
        ...(await readFile(join(path, f), 'utf8'))
          .split('\n')
          .filter((l) => l.length > 20 && !l.startsWith('-----')),
      );
    }
  }
  return out;
}

/** Runs a command and checks that nothing it printed holds key material. */
async function runClean(argv: string[], io: BufferIo, store: string): Promise<number> {
  const code = await run(argv, io);
  const printed = io.out() + io.err();
  expect(printed).not.toContain('PRIVATE KEY');
  for (const line of await keyLines(store).catch(() => [])) expect(printed).not.toContain(line);
  return code;
}

describe('okemesh certs', () => {
  it('init, issue --all, verify and inspect, in text and --json, without printing a key', async () => {
    const cwd = await workdir();
    const store = join(cwd, 'okemesh-certs');
    let io = ioWith(cwd);
    expect(await runClean(['certs', 'init', ...EC], io, store)).toBe(0);
    expect(io.out()).toMatch(/created root CA root: O=Istio, CN=Root CA/);
    expect(io.out()).toContain('root key NOT encrypted');
    io = ioWith(cwd);
    expect(await runClean(['certs', 'issue', '--all', ...EC, '--days', '90', '--json'], io, store)).toBe(0);
    const issued = JSON.parse(io.out()) as { issued: { scope: string; subject: string }[] };
    expect(issued.issued.map((i) => i.scope)).toEqual(CLUSTERS);
    expect(issued.issued[0]?.subject).toBe('O=Istio, CN=Intermediate CA, L=primary-cluster');
    expect((await readdir(store)).sort()).toEqual(['primary-cluster', 'root', 'secondary-cluster']);

    io = ioWith(cwd);
    expect(await runClean(['certs', 'verify', '--json'], io, store)).toBe(0);
    const report = JSON.parse(io.out()) as {
      ok: boolean;
      findings: unknown[];
      clusters: { cluster: string }[];
      rotation: { phase: string };
    };
    expect(report).toMatchObject({ ok: true, findings: [], rotation: { phase: 'none' } });
    expect(report.clusters.map((c) => c.cluster)).toEqual(CLUSTERS);
    io = ioWith(cwd);
    expect(await runClean(['certs', 'verify', 'okemesh-certs', '-f', '../nowhere.yaml'], io, store)).toBe(2);
    io = ioWith(cwd);
    expect(await runClean(['certs', 'verify'], io, store)).toBe(0);
    expect(io.out()).toMatch(/✔ .*okemesh-certs: the mesh verifies/);
    expect(io.out()).toMatch(/primary-cluster +intermediate [0-9A-F:]+ signed by root/);

    io = ioWith(cwd);
    expect(
      await runClean(['certs', 'inspect', 'okemesh-certs/primary-cluster/cert-chain.pem'], io, store),
    ).toBe(0);
    expect(io.out()).toContain('subject O=Istio, CN=Intermediate CA, L=primary-cluster');
    expect(io.out()).toMatch(/basic {3}CA:TRUE, pathlen:0 \(critical\)/);
    expect(io.out()).toMatch(/valid .* \(89 days left\)/);
    expect(io.out()).toContain('[#2]');
    io = ioWith(cwd);
    expect(await runClean(['certs', 'inspect', 'okemesh-certs', '--json'], io, store)).toBe(0);
    const items = (JSON.parse(io.out()) as { items: { kind: string; source: string }[] }).items;
    expect(items.filter((i) => i.kind === 'private-key').map((i) => i.source)).toEqual([
      'primary-cluster/ca-key.pem',
      'root/root-key.pem',
      'secondary-cluster/ca-key.pem',
    ]);
  });

  it('refuses to replace a root, and names the clusters it applies to', async () => {
    const cwd = await workdir();
    const store = join(cwd, 'okemesh-certs');
    expect(await runClean(['certs', 'init', ...EC], ioWith(cwd), store)).toBe(0);
    let io = ioWith(cwd);
    expect(await runClean(['certs', 'init', ...EC], io, store)).toBe(1);
    expect(io.err()).toMatch(/already holds a root CA; refusing to overwrite it/);
    expect(await runClean(['certs', 'init', ...EC, '--force', '--json'], ioWith(cwd), store)).toBe(0);
    io = ioWith(cwd);
    expect(await runClean(['certs', 'issue'], io, store)).toBe(2);
    expect(io.err()).toContain('--cluster <name> (repeatable) or --all');
    io = ioWith(cwd);
    expect(await runClean(['certs', 'issue', '--cluster', 'tertiary'], io, store)).toBe(2);
    expect(io.err()).toContain('tertiary not in the topology');
    io = ioWith(cwd);
    expect(
      await runClean(['certs', 'issue', '--cluster', 'primary-cluster', '--key-type', 'dsa'], io, store),
    ).toBe(2);
    io = ioWith(cwd);
    expect(await runClean(['certs', 'issue', '--all', '--days', '1.5'], io, store)).toBe(2);
    expect(io.err()).toContain('expected a whole number of days, got "1.5"');
    expect(await runClean(['certs', 'verify', '--warn-days', 'soon'], ioWith(cwd), store)).toBe(2);
  });

  it('encrypts the root key with a passphrase from the environment, and asks for it when signing', async () => {
    const cwd = await workdir();
    const store = join(cwd, 'okemesh-certs');
    let io = ioWith(cwd);
    expect(await runClean(['certs', 'init', ...EC, '--encrypt'], io, store)).toBe(2);
    expect(io.err()).toContain('--encrypt needs the passphrase in $OKEMESH_ROOT_KEY_PASSPHRASE');
    const env = { CA_PW: 'tr0ub4dor' };
    expect(
      await runClean(
        ['certs', 'init', ...EC, '--encrypt', '--passphrase-env', 'CA_PW'],
        ioWith(cwd, env),
        store,
      ),
    ).toBe(0);
    expect(await readFile(join(store, 'root', 'root-key.pem'), 'utf8')).toMatch(
      /^-----BEGIN ENCRYPTED PRIVATE KEY-----/,
    );
    io = ioWith(cwd);
    expect(await runClean(['certs', 'issue', '--all', ...EC, '--passphrase-env', 'CA_PW'], io, store)).toBe(
      5,
    );
    expect(io.err()).toContain('is encrypted and no passphrase was given (set CA_PW)');
    io = ioWith(cwd, { CA_PW: 'wrong' });
    expect(await runClean(['certs', 'issue', '--all', ...EC, '--passphrase-env', 'CA_PW'], io, store)).toBe(
      2,
    );
    expect(io.err()).toContain('could not be decrypted (wrong passphrase?)');
    expect(
      await runClean(
        ['certs', 'issue', '--all', ...EC, '--passphrase-env', 'CA_PW'],
        ioWith(cwd, env),
        store,
      ),
    ).toBe(0);
    expect(await runClean(['certs', 'verify', '--passphrase-env', 'CA_PW'], ioWith(cwd, env), store)).toBe(0);
  });

  it('verify exits 1 and explains a broken store', async () => {
    const cwd = await workdir();
    const store = join(cwd, 'okemesh-certs');
    await run(['certs', 'init', ...EC], ioWith(cwd));
    await run(['certs', 'issue', '--all', ...EC], ioWith(cwd));
    const west = join(store, 'secondary-cluster');
    await writeFile(join(west, 'ca-key.pem'), await readFile(join(store, 'primary-cluster', 'ca-key.pem')));
    await writeFile(join(west, 'root-key.pem'), await readFile(join(store, 'root', 'root-key.pem')));
    const io = ioWith(cwd);
    expect(await runClean(['certs', 'verify', 'okemesh-certs'], io, store)).toBe(1);
    expect(io.err()).toContain(
      'error [key-mismatch] secondary-cluster: ca-key.pem is not the private key of ca-cert.pem',
    );
    expect(io.err()).toContain('fix: okemesh certs issue --cluster secondary-cluster');
    expect(io.err()).toContain('error [unexpected-file] secondary-cluster: root-key.pem holds a private key');
    expect(io.out()).toMatch(/✖ .*: 2 error\(s\)/);
    const json = ioWith(cwd);
    expect(await runClean(['certs', 'verify', '--json'], json, store)).toBe(1);
    expect((JSON.parse(json.out()) as { findings: { code: string }[] }).findings.map((f) => f.code)).toEqual([
      'unexpected-file',
      'key-mismatch',
    ]);
  });

  it('rotates an intermediate, and the root in stages with the plan printed', async () => {
    const cwd = await workdir();
    const store = join(cwd, 'okemesh-certs');
    await run(['certs', 'init', ...EC], ioWith(cwd));
    await run(['certs', 'issue', '--all', ...EC], ioWith(cwd));
    const before = await readFile(join(store, 'primary-cluster', 'ca-cert.pem'), 'utf8');
    expect(
      await runClean(
        ['certs', 'rotate', 'intermediate', '--cluster', 'primary-cluster', ...EC],
        ioWith(cwd),
        store,
      ),
    ).toBe(0);
    expect(await readFile(join(store, 'primary-cluster', 'ca-cert.pem'), 'utf8')).not.toBe(before);

    let io = ioWith(cwd);
    expect(await runClean(['certs', 'rotate', 'root'], io, store)).toBe(0);
    expect(io.out()).toMatch(/→ 1\. \[local\] Create the new root/);
    expect(io.out()).toContain(
      'okemesh certs install --dir okemesh-certs --cluster secondary-cluster --context secondary-cluster-context',
    );
    io = ioWith(cwd);
    expect(
      await runClean(['certs', 'rotate', 'root', '--start', '--root-key-type', 'ecdsa-p256'], io, store),
    ).toBe(0);
    expect(io.out()).toMatch(/✔ 1\. .*\n.*\n→ 2\. \[cluster\]/);
    io = ioWith(cwd);
    expect(await runClean(['certs', 'rotate', 'root', '--finish'], io, store)).toBe(1);
    expect(io.err()).toContain(
      'cannot finish the root rotation: the root rotation is in phase "trust", expected "cutover"',
    );
    expect(
      await runClean(['certs', 'rotate', 'root', '--continue', ...EC, '--json'], ioWith(cwd), store),
    ).toBe(0);
    expect(await runClean(['certs', 'verify'], ioWith(cwd), store)).toBe(0);
    io = ioWith(cwd);
    expect(await runClean(['certs', 'rotate', 'root', '--finish', '--json'], io, store)).toBe(0);
    const out = JSON.parse(io.out()) as { phase: string; plan: { status: string }[] };
    expect(out.phase).toBe('none');
    expect(await runClean(['certs', 'verify'], ioWith(cwd), store)).toBe(0);
    expect(await runClean(['certs', 'rotate', 'root', '--start', '--finish'], ioWith(cwd), store)).toBe(2);
  });

  it('install refuses an unknown context and a context that skips TLS verification, before any request', async () => {
    const cwd = await workdir();
    const store = join(cwd, 'okemesh-certs');
    await run(['certs', 'init', ...EC], ioWith(cwd));
    await run(['certs', 'issue', '--all', ...EC], ioWith(cwd));
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: insecure',
      '  cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}',
      'users:',
      '- name: u',
      '  user: {token: t}',
      'contexts:',
      '- name: insecure-ctx',
      '  context: {cluster: insecure, user: u}',
      'current-context: insecure-ctx',
      '',
    ].join('\n');
    await writeFile(join(cwd, 'kubeconfig'), kubeconfig);
    let io = ioWith(cwd, { KUBECONFIG: 'kubeconfig' });
    expect(await runClean(['certs', 'install', '--cluster', 'primary-cluster'], io, store)).toBe(5);
    expect(io.err()).toMatch(
      /has no context "primary-cluster-context"; it has: insecure-ctx .*\[KUBE_CONTEXT_NOT_FOUND\]$/m,
    );
    io = ioWith(cwd);
    expect(
      await runClean(
        [
          'certs',
          'install',
          '--cluster',
          'primary-cluster',
          '--context',
          'insecure-ctx',
          '--kubeconfig',
          'kubeconfig',
        ],
        io,
        store,
      ),
    ).toBe(5);
    expect(io.err()).toMatch(/cluster sets insecure-skip-tls-verify.*\[KUBE_CONFIG_UNSAFE\]$/m);
    io = ioWith(cwd);
    expect(
      await runClean(['certs', 'install', '--cluster', 'nope', '--kubeconfig', 'kubeconfig'], io, store),
    ).toBe(2);
  });
});
