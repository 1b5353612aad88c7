import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startFakeKube, type FakeKube } from '@okemesh/fake-kube';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleFromFiles,
  decodeSecretData,
  installCacerts,
  issueIntermediates,
  readBundleFiles,
  type CacertsBundle,
} from '../src/index.js';
import { makeMesh, NOW, read, tempDir } from './helpers.js';

// installCacerts with the real client-node CoreV1Api against the shared wire-level fake API server (HTTPS, token auth).
describe('installCacerts over the wire (fake Kubernetes API)', () => {
  let fake: FakeKube;
  let api: CoreV1Api;
  const dir = tempDir();
  const foreign = tempDir();
  const bundle = async (store: string, cluster = 'east'): Promise<CacertsBundle> =>
    bundleFromFiles(cluster, await readBundleFiles(store, cluster));
  const secret = () =>
    fake.get({ apiVersion: 'v1', kind: 'Secret', namespace: 'istio-system', name: 'cacerts' }) as
      { data?: Record<string, string>; metadata: { resourceVersion?: string } } | undefined;

  beforeAll(async () => {
    fake = await startFakeKube({ name: 'east' });
    const kc = new KubeConfig();
    kc.loadFromString(fake.kubeconfigYaml());
    api = kc.makeApiClient(CoreV1Api);
    await makeMesh(dir, ['east']);
    await makeMesh(foreign, ['east']);
  });
  afterAll(async () => fake.close());

  it('creates istio-system and cacerts with exactly the four keys, and never sends the root key', async () => {
    const result = await installCacerts(api, await bundle(dir), { now: NOW });
    expect(result).toMatchObject({
      action: 'created',
      namespaceCreated: true,
      cluster: 'east',
      previousRoots: [],
    });
    expect(fake.get({ apiVersion: 'v1', kind: 'Namespace', name: 'istio-system' })).toBeDefined();
    const data = decodeSecretData(secret()?.data);
    expect(Object.keys(data).sort()).toEqual([
      'ca-cert.pem',
      'ca-key.pem',
      'cert-chain.pem',
      'root-cert.pem',
    ]);
    for (const name of Object.keys(data)) expect(data[name]).toBe(read(join(dir, 'east', name)));
    const sent = JSON.stringify(fake.requests().map((r) => r.body));
    const rootKey = read(join(dir, 'root', 'root-key.pem'));
    for (const line of rootKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) {
      expect(sent).not.toContain(line);
      expect(sent).not.toContain(Buffer.from(line).toString('base64').slice(0, 24));
    }
    expect(fake.mutatingRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/namespaces',
      'POST /api/v1/namespaces/istio-system/secrets',
    ]);
  });

  it('leaves an identical Secret alone and replaces a renewed one with optimistic concurrency', async () => {
    fake.clearRequests();
    expect((await installCacerts(api, await bundle(dir), { now: NOW })).action).toBe('unchanged');
    expect(fake.mutatingRequests()).toEqual([]);
    const version = secret()?.metadata.resourceVersion;
    await issueIntermediates(dir, ['east'], { now: NOW, keyType: 'ecdsa-p256' });
    expect((await installCacerts(api, await bundle(dir), { now: NOW })).action).toBe('updated');
    const [put] = fake.mutatingRequests();
    expect(put?.method).toBe('PUT');
    expect((put?.body as { metadata: { resourceVersion?: string } }).metadata.resourceVersion).toBe(version);
    expect(decodeSecretData(secret()?.data)['ca-cert.pem']).toBe(read(join(dir, 'east', 'ca-cert.pem')));
  });

  it('refuses a bundle from another root unless allowRootChange', async () => {
    fake.clearRequests();
    const before = secret()?.data;
    await expect(installCacerts(api, await bundle(foreign), { now: NOW })).rejects.toMatchObject({
      code: 'CERT_ROOT_CHANGE_REFUSED',
    });
    expect(fake.mutatingRequests()).toEqual([]);
    expect(secret()?.data).toEqual(before);
    expect(
      (await installCacerts(api, await bundle(foreign), { now: NOW, allowRootChange: true })).action,
    ).toBe('updated');
    expect(decodeSecretData(secret()?.data)['root-cert.pem']).toBe(
      read(join(foreign, 'root', 'root-cert.pem')),
    );
  });

  it('reports API failures by verb and status, without the response body', async () => {
    fake.failNext({
      method: 'PUT',
      path: '/api/v1/namespaces/istio-system/secrets/cacerts',
      status: 500,
      message: 'etcd is down',
    });
    const error = await installCacerts(api, await bundle(dir), { now: NOW, allowRootChange: true }).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toMatchObject({
      name: 'KubeError',
      code: 'KUBE_API_FAILED',
      message: expect.stringMatching(/: replacing istio-system\/cacerts failed \(HTTP 500\)$/),
    });
  });
});
