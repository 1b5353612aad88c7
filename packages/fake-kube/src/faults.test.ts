import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, codeOf, statusOf } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

describe('fault injection and the request log', () => {
  let fake: FakeKube;
  let c: Clients;
  beforeAll(async () => {
    fake = await startFakeKube({ name: 'faulty' });
    c = clientsFor(fake);
  });
  afterAll(() => fake.close());

  it('fails the next N matching requests with a Status of the given code, then recovers', async () => {
    fake.failNext({ method: 'POST', path: '/api/v1/namespaces/*/secrets', status: 503, times: 2 });
    const body = { metadata: { name: 'retry-me' } };
    const first = await statusOf(c.core.createNamespacedSecret({ namespace: 'default', body }));
    expect(first).toMatchObject({ kind: 'Status', code: 503, reason: 'ServiceUnavailable' });
    expect(await codeOf(c.core.createNamespacedSecret({ namespace: 'default', body }))).toBe(503);
    await c.core.listNamespacedSecret({ namespace: 'default' });
    const created = await c.core.createNamespacedSecret({ namespace: 'default', body });
    expect(created.metadata?.name).toBe('retry-me');
    const injected = fake.requests().filter((r) => r.injected);
    expect(injected.map((r) => r.status)).toEqual([503, 503]);
  });

  it('matches by RegExp and method, with a custom reason and message', async () => {
    fake.failNext({ path: /\/leases\//, status: 409, reason: 'Conflict', message: 'lease held elsewhere' });
    await c.core.readNamespace({ name: 'default' });
    const status = await statusOf(c.coordination.readNamespacedLease({ name: 'l', namespace: 'default' }));
    expect(status).toMatchObject({ code: 409, reason: 'Conflict', message: 'lease held elsewhere' });
    expect(await codeOf(c.coordination.readNamespacedLease({ name: 'l', namespace: 'default' }))).toBe(404);
  });

  it('adds latency to matching requests until cleared', async () => {
    fake.addLatency({ method: 'GET', path: '/api/v1/namespaces/default', ms: 120 });
    const started = performance.now();
    await c.core.readNamespace({ name: 'default' });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(100);
    fake.clearFaults();
    fake.failNext({ status: 500 });
    fake.clearFaults();
    await c.core.readNamespace({ name: 'default' });
  });

  it('resets connections with dropNext and matches real writes apart from dry runs', async () => {
    fake.dropNext({ method: 'GET', path: '/api/v1/namespaces/kube-system' });
    await expect(c.core.readNamespace({ name: 'kube-system' })).rejects.toThrow(
      /socket hang up|ECONNRESET|other side closed|fetch failed|terminated/i,
    );
    await c.core.readNamespace({ name: 'kube-system' });
    fake.failNext({ method: 'POST', dryRun: false, status: 500 });
    const dry = await c.core.createNamespacedConfigMap({
      namespace: 'default',
      dryRun: 'All',
      body: { metadata: { name: 'dr' } },
    });
    expect(dry.metadata?.name).toBe('dr');
    expect(
      await codeOf(
        c.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'dr' } } }),
      ),
    ).toBe(500);
    const dropped = fake.requests().find((r) => r.status === 0);
    expect(dropped).toMatchObject({ method: 'GET', path: '/api/v1/namespaces/kube-system', injected: true });
  });

  it('suspends (connection refused, state kept) and resumes on the same port', async () => {
    await c.core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'survives' } },
    });
    await fake.suspend();
    await expect(c.core.readNamespacedConfigMap({ name: 'survives', namespace: 'default' })).rejects.toThrow(
      /ECONNREFUSED|fetch failed|connect/i,
    );
    await fake.resume();
    const back = await c.core.readNamespacedConfigMap({ name: 'survives', namespace: 'default' });
    expect(back.metadata?.name).toBe('survives');
  });

  it('lets a test react to changes (a GitOps self-heal that reverts replicas)', async () => {
    fake.seed({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'gitops', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'g' } }, template: {} },
    });
    const seen: string[] = [];
    const stop = fake.onChange((change) => {
      seen.push(`${change.type}:${change.resource.resource}`);
      const spec = change.object['spec'] as { replicas?: number } | undefined;
      if (change.resource.resource === 'deployments' && change.type === 'MODIFIED' && spec?.replicas !== 3) {
        fake.seed({ ...change.object, spec: { ...spec, replicas: 3 } });
      }
    });
    await c.apps.patchNamespacedDeploymentScale({
      name: 'gitops',
      namespace: 'default',
      body: [{ op: 'replace', path: '/spec/replicas', value: 0 }],
    });
    stop();
    const after = await c.apps.readNamespacedDeployment({ name: 'gitops', namespace: 'default' });
    expect(after.spec?.replicas).toBe(3);
    expect(seen).toEqual(['MODIFIED:deployments', 'MODIFIED:deployments']);
  });

  it('logs method, path, query, body and status of every request', async () => {
    fake.clearRequests();
    await c.core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'logged' }, data: { k: 'v' } },
    });
    await c.core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'a=b' });
    const [create, list] = fake.requests();
    expect(list?.seq).toBe((create?.seq ?? 0) + 1);
    expect(create).toMatchObject({
      method: 'POST',
      path: '/api/v1/namespaces/default/configmaps',
      status: 201,
      mutating: true,
      dryRun: false,
    });
    expect(create?.body).toMatchObject({ metadata: { name: 'logged' }, data: { k: 'v' } });
    expect(list).toMatchObject({
      method: 'GET',
      query: { labelSelector: 'a=b' },
      mutating: false,
      status: 200,
    });
    expect(fake.mutatingRequests()).toHaveLength(1);
  });
});
