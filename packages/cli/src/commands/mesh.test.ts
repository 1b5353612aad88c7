import { startFakeKubes, writeMultiClusterKubeconfig, type FakeKube } from '@okemesh/fake-kube';
import { exampleTopology } from '@okemesh/topology';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';
import { startOciFake } from './network-test-fake.js';

const clusters = exampleTopology().spec.clusters;
let fakes: readonly FakeKube[] = [];
let dir: string;

beforeAll(async () => {
  fakes = await startFakeKubes(clusters.map((c) => ({ name: c.name, namespaces: ['istio-system'] })));
  dir = await mkdtemp(join(tmpdir(), 'okemesh-mesh-'));
  await writeMultiClusterKubeconfig(
    join(dir, 'kubeconfig'),
    clusters.map((c, i) => ({ context: c.kubeContext, cluster: fakes[i] as FakeKube })),
  );
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

describe('okemesh mesh link', () => {
  it('dry run first, then links, then reports no changes; never prints a token', async () => {
    const dry = bufferIo(dir);
    expect(await run(['mesh', 'link', '--kubeconfig', 'kubeconfig', '--dry-run'], dry)).toBe(0);
    expect(dry.out()).toContain('pending a reader token');
    expect(fakes.every((f) => f.mutatingRequests().length === 0)).toBe(true);

    const first = bufferIo(dir);
    expect(await run(['mesh', 'link', '--kubeconfig', 'kubeconfig'], first)).toBe(0);
    expect(first.out()).toContain(
      'created      istio-system/istio-remote-secret-primary-cluster in secondary-cluster',
    );
    expect(first.out()).toContain('2 created, 0 updated, 0 unchanged');

    const second = bufferIo(dir);
    expect(await run(['mesh', 'link', '--kubeconfig', 'kubeconfig', '--json'], second)).toBe(0);
    const result = JSON.parse(second.out()) as { changes: { action: string }[] };
    expect(result.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);

    const third = bufferIo(dir);
    expect(await run(['mesh', 'link', '--kubeconfig', 'kubeconfig'], third)).toBe(0);
    expect(third.out()).toContain('no changes');

    const readerTokens = fakes.map((f) => {
      const secret = f.get({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: 'istio-system',
        name: 'istio-reader-service-account-istio-remote-secret-token',
      });
      const token = (secret as { data?: Record<string, string> } | undefined)?.data?.['token'];
      expect(token).toBeTruthy();
      return Buffer.from(token ?? '', 'base64').toString('utf8');
    });
    const secrets = [...readerTokens, ...fakes.map((f) => f.token)];
    for (const text of [dry.out(), first.out(), second.out(), third.out(), first.err(), second.err()]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    expect(second.out()).toContain('"tokenSources"');
  });

  it('refuses an insecure kubeconfig with exit code 5 (environment)', async () => {
    const text = await readFile(join(dir, 'kubeconfig'), 'utf8');
    await writeFile(
      join(dir, 'insecure'),
      text.replace(/certificate-authority-data: .*/, 'insecure-skip-tls-verify: true'),
    );
    const io = bufferIo(dir);
    expect(await run(['mesh', 'link', '--kubeconfig', 'insecure'], io)).toBe(5);
    expect(io.err()).toContain('[KUBE_CONFIG_UNSAFE]');
    expect(io.err()).toContain('insecure-skip-tls-verify');
  });

  it('reports a missing kubeconfig file as a usage error', async () => {
    const io = bufferIo(dir);
    expect(await run(['mesh', 'link', '--kubeconfig', 'nope'], io)).toBe(2);
    expect(io.err()).toContain('file not found');
  });

  /** The server of the remote secret for `source` as written into the other cluster. */
  function remoteServer(source: number): string {
    const target = fakes[1 - source] as FakeKube;
    const name = `istio-remote-secret-${clusters[source]?.name ?? ''}`;
    const secret = target.get({ apiVersion: 'v1', kind: 'Secret', namespace: 'istio-system', name }) as
      { data?: Record<string, string> } | undefined;
    const kubeconfig = Buffer.from(Object.values(secret?.data ?? {})[0] ?? '', 'base64').toString('utf8');
    return /server: (\S+)/.exec(kubeconfig)?.[1] ?? '';
  }

  it('--server writes that URL as the remote server; --oci reads the private endpoints from OKE', async () => {
    const io = bufferIo(dir);
    const servers = [
      '--server',
      `${clusters[0]?.name}=https://10.0.0.2:6443`,
      '--server',
      `${clusters[1]?.name}=https://10.1.0.2:6443`,
    ];
    expect(await run(['mesh', 'link', '--kubeconfig', 'kubeconfig', ...servers], io)).toBe(0);
    expect([remoteServer(0), remoteServer(1)]).toEqual(['https://10.0.0.2:6443', 'https://10.1.0.2:6443']);

    const oci = await startOciFake();
    try {
      const viaOci = bufferIo(dir);
      expect(await run(['mesh', 'link', '--kubeconfig', 'kubeconfig', '--oci', ...oci.args], viaOci)).toBe(0);
      const seeded = oci.fake.store
        .list('cluster', undefined)
        .map((c) => `https://${String((c.endpoints as { privateEndpoint: string }).privateEndpoint)}`);
      expect([remoteServer(0), remoteServer(1)].sort()).toEqual(seeded.sort());
      expect(viaOci.err()).not.toContain('not a private address');
    } finally {
      await oci.stop();
    }

    const bad = bufferIo(dir);
    expect(await run(['mesh', 'link', '--kubeconfig', 'kubeconfig', '--server', 'nope=https://x'], bad)).toBe(
      2,
    );
  });
});
