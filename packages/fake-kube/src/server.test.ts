import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, codeOf } from '../test/clients.js';
import { startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

function rawGet(
  fake: FakeKube,
  path: string,
  headers: Record<string, string> = {},
  ca?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${fake.server}${path}`, { ca: ca ?? fake.caPem, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fake-kube server', () => {
  let fake: FakeKube;
  let other: FakeKube;
  beforeAll(async () => {
    [fake, other] = await Promise.all([
      startFakeKube({ name: 'primary-cluster' }),
      startFakeKube({ name: 'remote-cluster' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fake.close(), other.close()]);
  });

  it('serves HTTPS on 127.0.0.1 with a kubeconfig that verifies TLS against the embedded CA', async () => {
    expect(fake.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const yaml = fake.kubeconfigYaml();
    expect(yaml).toContain('certificate-authority-data');
    expect(yaml).not.toContain('insecure-skip-tls-verify');
    const { core } = clientsFor(fake);
    const list = await core.listNamespace();
    expect(list.items.map((n) => n.metadata?.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });

  it('is rejected by a client that trusts another cluster CA', async () => {
    await expect(
      rawGet(fake, '/api', { authorization: `Bearer ${fake.token}` }, other.caPem),
    ).rejects.toThrow(/certificate|self-signed|verify/i);
  });

  it('answers 401 Unauthorized Status without the right bearer token', async () => {
    const { core } = clientsFor(fake, { token: 'wrong-token' });
    expect(await codeOf(core.listNamespace())).toBe(401);
    const raw = await rawGet(fake, '/api/v1/namespaces');
    expect(raw.status).toBe(401);
    expect(JSON.parse(raw.body)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  it('keeps clusters independent: tokens and objects do not cross', async () => {
    const { core } = clientsFor(other, { token: fake.token });
    expect(await codeOf(core.listNamespace())).toBe(401);
    await clientsFor(fake).core.createNamespace({ body: { metadata: { name: 'only-primary' } } });
    expect(other.get({ apiVersion: 'v1', kind: 'Namespace', name: 'only-primary' })).toBeUndefined();
    expect(fake.get({ apiVersion: 'v1', kind: 'Namespace', name: 'only-primary' })?.metadata.name).toBe(
      'only-primary',
    );
  });

  it('serves discovery and /version for client-node', async () => {
    const version = await rawGet(fake, '/version');
    expect(JSON.parse(version.body)).toMatchObject({ major: '1', gitVersion: 'v1.31.1' });
    const groups = JSON.parse(
      (await rawGet(fake, '/apis', { authorization: `Bearer ${fake.token}` })).body,
    ) as { groups: { name: string }[] };
    expect(groups.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'autoscaling',
        'coordination.k8s.io',
        'networking.k8s.io',
        'networking.istio.io',
        'security.istio.io',
        'argoproj.io',
      ]),
    );
    const beta = JSON.parse(
      (await rawGet(fake, '/apis/networking.istio.io/v1beta1', { authorization: `Bearer ${fake.token}` }))
        .body,
    ) as {
      resources: { name: string; kind: string; namespaced: boolean }[];
    };
    expect(beta.resources).toContainEqual(
      expect.objectContaining({ name: 'virtualservices', kind: 'VirtualService', namespaced: true }),
    );
    const core = JSON.parse(
      (await rawGet(fake, '/api/v1', { authorization: `Bearer ${fake.token}` })).body,
    ) as { resources: { name: string }[] };
    expect(core.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(['secrets', 'serviceaccounts/token', 'pods', 'nodes']),
    );
    const { objects } = clientsFor(fake);
    await objects.create({
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'DestinationRule',
      metadata: { name: 'dr', namespace: 'default' },
      spec: { host: 'x' },
    });
    const read = await objects.read({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'dr', namespace: 'default' },
    });
    expect(read.apiVersion).toBe('networking.istio.io/v1');
  });

  it('answers routes a real server does not have with 404, and malformed paths with 400', async () => {
    const auth = { authorization: `Bearer ${fake.token}` };
    expect((await rawGet(fake, '/api/v1/namespaces/default/nodes', auth)).status).toBe(404);
    expect((await rawGet(fake, '/api/v1/secrets/cacerts', auth)).status).toBe(404);
    expect((await rawGet(fake, '/api/v1/secrets', auth)).status).toBe(200);
    expect((await rawGet(fake, '/api/v1/namespaces/%E0%A4%A/secrets', auth)).status).toBe(400);
  });

  it('answers unknown resources with a NotFound Status', async () => {
    const raw = await rawGet(fake, '/apis/example.com/v1/namespaces/default/widgets', {
      authorization: `Bearer ${fake.token}`,
    });
    expect(raw.status).toBe(404);
    expect(JSON.parse(raw.body)).toMatchObject({ kind: 'Status', reason: 'NotFound' });
  });
});
