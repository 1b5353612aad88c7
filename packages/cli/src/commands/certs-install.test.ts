import { startFakeKube, type FakeKube } from '@okemesh/fake-kube';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo, type BufferIo } from '../../test/io.js';
import { run } from '../run.js';

const EC = ['--key-type', 'ecdsa-p256'];

// `okemesh certs install` end to end: CLI → client-node → HTTPS → the shared fake Kubernetes API.
describe('okemesh certs install (fake Kubernetes API)', () => {
  let fake: FakeKube;
  let cwd: string;
  const io = (): BufferIo => ({ ...bufferIo(cwd), env: { KUBECONFIG: 'kubeconfig.yaml' } });
  const install = ['certs', 'install', '--cluster', 'primary-cluster'];
  const stored = () =>
    fake.get({ apiVersion: 'v1', kind: 'Secret', namespace: 'istio-system', name: 'cacerts' }) as
      { data: Record<string, string> } | undefined;

  async function keyLines(store: string): Promise<string[]> {
    const files = [join(store, 'root', 'root-key.pem'), join(store, 'primary-cluster', 'ca-key.pem')];
    const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    return texts.flatMap((t) => t.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')));
  }

  async function expectClean(out: BufferIo, store: string): Promise<void> {
    const printed = out.out() + out.err();
    expect(printed).not.toContain('PRIVATE KEY');
    for (const line of await keyLines(store)) expect(printed).not.toContain(line);
  }

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'okemesh-certs-install-'));
    fake = await startFakeKube({ name: 'primary' });
    await fake.writeKubeconfig(join(cwd, 'kubeconfig.yaml'), { context: 'primary-cluster-context' });
    for (const store of ['okemesh-certs', 'other-mesh']) {
      expect(await run(['certs', 'init', ...EC, '--dir', store], io())).toBe(0);
      expect(await run(['certs', 'issue', '--all', ...EC, '--dir', store], io())).toBe(0);
    }
  });
  afterAll(async () => fake.close());

  it('creates istio-system/cacerts through the topology context, then reports it unchanged', async () => {
    let out = io();
    expect(await run([...install, '--json'], out)).toBe(0);
    expect(JSON.parse(out.out())).toMatchObject({
      context: 'primary-cluster-context',
      cluster: 'primary-cluster',
      namespace: 'istio-system',
      action: 'created',
      namespaceCreated: true,
    });
    await expectClean(out, join(cwd, 'okemesh-certs'));
    expect(Object.keys(stored()?.data ?? {}).sort()).toEqual([
      'ca-cert.pem',
      'ca-key.pem',
      'cert-chain.pem',
      'root-cert.pem',
    ]);
    out = io();
    expect(await run([...install, '--context', 'primary-cluster-context'], out)).toBe(0);
    expect(out.out()).toMatch(
      /✔ already up to date: istio-system\/cacerts in primary-cluster-context \(cluster primary-cluster\)/,
    );
    await expectClean(out, join(cwd, 'okemesh-certs'));
  });

  it('refuses a bundle with another root (exit 1) unless --allow-root-change', async () => {
    const before = stored()?.data;
    let out = io();
    expect(await run([...install, '--dir', 'other-mesh'], out)).toBe(1);
    expect(out.err()).toMatch(
      /error: istio-system\/cacerts in this cluster trusts [0-9A-F:]+, and the bundle for primary-cluster trusts [0-9A-F:]+: replacing it would cut this cluster off/,
    );
    expect(stored()?.data).toEqual(before);
    await expectClean(out, join(cwd, 'other-mesh'));
    out = io();
    expect(await run([...install, '--dir', 'other-mesh', '--allow-root-change', '--json'], out)).toBe(0);
    expect(JSON.parse(out.out())).toMatchObject({ action: 'updated' });
    await expectClean(out, join(cwd, 'other-mesh'));
    // Back to this mesh's root, in text: the restart hint names the context and finds istiod by label.
    out = io();
    expect(await run([...install, '--allow-root-change'], out)).toBe(0);
    expect(out.out()).toContain(
      'restart istiod to load it if the cluster is running: kubectl --context primary-cluster-context -n istio-system rollout restart deployment -l app=istiod',
    );
  });

  it('exits 5 (environment) when the API fails, naming the call', async () => {
    fake.failNext({ method: 'GET', path: '/api/v1/namespaces/istio-system', status: 503 });
    const out = io();
    expect(await run(install, out)).toBe(5);
    expect(out.err()).toMatch(
      /^error: primary-cluster: reading namespace istio-system failed \(HTTP 503\).*\[KUBE_API_FAILED\]$/m,
    );
  });
});
