import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, codeOf, statusOf } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('CRUD semantics over the real client', () => {
  let fake: FakeKube;
  let c: Clients;
  beforeAll(async () => {
    fake = await startFakeKube({ name: 'crud', namespaces: ['istio-system'] });
    c = clientsFor(fake);
  });
  afterAll(() => fake.close());

  it('creates, reads and assigns uid, resourceVersion and creationTimestamp', async () => {
    const created = await c.core.createNamespacedSecret({
      namespace: 'istio-system',
      body: { metadata: { name: 'cacerts', labels: { app: 'istio' } }, data: { 'ca-cert.pem': b64('PEM') } },
    });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(created.metadata?.resourceVersion)).toBeGreaterThan(0);
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
    expect(created.type).toBe('Opaque');
    const read = await c.core.readNamespacedSecret({ name: 'cacerts', namespace: 'istio-system' });
    expect(read.data?.['ca-cert.pem']).toBe(b64('PEM'));
  });

  it('answers 409 AlreadyExists for a duplicate create', async () => {
    const body = { metadata: { name: 'dup' }, data: { k: 'v' } };
    await c.core.createNamespacedConfigMap({ namespace: 'default', body });
    const status = await statusOf(c.core.createNamespacedConfigMap({ namespace: 'default', body }));
    expect(status).toMatchObject({
      kind: 'Status',
      code: 409,
      reason: 'AlreadyExists',
      message: 'configmaps "dup" already exists',
    });
  });

  it('refuses a create that carries a resourceVersion (copied objects) with 500, like etcd storage', async () => {
    const source = await c.core.readNamespacedSecret({ name: 'cacerts', namespace: 'istio-system' });
    const copy = { ...source, metadata: { ...source.metadata, namespace: 'default' } };
    const status = await statusOf(c.core.createNamespacedSecret({ namespace: 'default', body: copy }));
    expect(status).toMatchObject({ code: 500, reason: 'InternalError' });
    expect(status.message).toContain('resourceVersion should not be set on objects to be created');
    const dry = await c.core.createNamespacedSecret({ namespace: 'default', dryRun: 'All', body: copy });
    expect(dry.metadata?.name).toBe('cacerts');
  });

  it('answers 404 NotFound for a missing object and for a create in a missing namespace', async () => {
    const missing = await statusOf(c.core.readNamespacedSecret({ name: 'nope', namespace: 'default' }));
    expect(missing).toMatchObject({ code: 404, reason: 'NotFound', message: 'secrets "nope" not found' });
    const noNs = await statusOf(
      c.core.createNamespacedSecret({ namespace: 'ghost', body: { metadata: { name: 's' } } }),
    );
    expect(noNs).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "ghost" not found' });
  });

  it('rejects a stale resourceVersion on update with 409 Conflict and bumps it monotonically', async () => {
    const cm = await c.core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'occ' }, data: { a: '1' } },
    });
    const first = await c.core.replaceNamespacedConfigMap({
      name: 'occ',
      namespace: 'default',
      body: { ...cm, data: { a: '2' } },
    });
    expect(Number(first.metadata?.resourceVersion)).toBeGreaterThan(Number(cm.metadata?.resourceVersion));
    const stale = await statusOf(
      c.core.replaceNamespacedConfigMap({
        name: 'occ',
        namespace: 'default',
        body: { ...cm, data: { a: '3' } },
      }),
    );
    expect(stale).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(stale.message).toContain('the object has been modified');
    expect(
      fake.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'occ' })?.['data'],
    ).toEqual({ a: '2' });
  });

  it('converts Secret stringData to base64 data and validates names (422 Invalid)', async () => {
    const s = await c.core.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'sd' }, stringData: { user: 'admin' } },
    });
    expect(s.data).toEqual({ user: b64('admin') });
    expect(s.stringData).toBeUndefined();
    const bad = await statusOf(
      c.core.createNamespacedSecret({ namespace: 'default', body: { metadata: { name: 'Bad_Name' } } }),
    );
    expect(bad).toMatchObject({ code: 422, reason: 'Invalid' });
  });

  it('lists with label selectors (=, ==, !=, in, notin, exists, !exists) and field selectors', async () => {
    const mk = (name: string, labels: Record<string, string>) =>
      c.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name, labels } } });
    await mk('sel-a', { app: 'web', tier: 'front' });
    await mk('sel-b', { app: 'web', tier: 'back' });
    await mk('sel-c', { app: 'db' });
    const names = async (labelSelector?: string, fieldSelector?: string): Promise<string[]> => {
      const list = await c.core.listNamespacedConfigMap({
        namespace: 'default',
        ...(labelSelector ? { labelSelector } : {}),
        ...(fieldSelector ? { fieldSelector } : {}),
      });
      return list.items.map((i) => i.metadata?.name ?? '').filter((n) => n.startsWith('sel-'));
    };
    expect(await names('app=web')).toEqual(['sel-a', 'sel-b']);
    expect(await names('app==db')).toEqual(['sel-c']);
    expect(await names('app!=web')).toEqual(['sel-c']);
    expect(await names('tier in (front,middle)')).toEqual(['sel-a']);
    expect(await names('app=web,tier notin (front)')).toEqual(['sel-b']);
    expect(await names('tier')).toEqual(['sel-a', 'sel-b']);
    expect(await names('!tier')).toEqual(['sel-c']);
    expect(await names(undefined, 'metadata.name=sel-b')).toEqual(['sel-b']);
    expect(await names('app', 'metadata.name!=sel-b')).toEqual(['sel-a', 'sel-c']);
    expect(
      await codeOf(c.core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'app in (web' })),
    ).toBe(400);
  });

  it('paginates with limit and continue', async () => {
    for (let i = 0; i < 5; i++) await c.core.createNamespace({ body: { metadata: { name: `page-${i}` } } });
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const list = await c.core.listNamespace({
        limit: 3,
        labelSelector: 'kubernetes.io/metadata.name',
        ...(token ? { _continue: token } : {}),
      });
      seen.push(...list.items.map((n) => n.metadata?.name ?? ''));
      token = list.metadata?._continue;
      if (token) expect(list.metadata?.remainingItemCount).toBeGreaterThan(0);
      pages++;
    } while (token);
    expect(pages).toBeGreaterThan(1);
    expect(seen.filter((n) => n.startsWith('page-'))).toEqual([
      'page-0',
      'page-1',
      'page-2',
      'page-3',
      'page-4',
    ]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(await codeOf(c.core.listNamespace({ limit: 1, _continue: 'garbage' }))).toBe(400);
  });

  it('lists a namespaced resource across all namespaces', async () => {
    const all = await c.core.listSecretForAllNamespaces();
    const namespaces = new Set(all.items.map((s) => s.metadata?.namespace));
    expect(namespaces).toEqual(new Set(['istio-system', 'default']));
  });

  it('deletes one object (Success Status) and a collection by label selector', async () => {
    const status = await c.core.deleteNamespacedSecret({ name: 'sd', namespace: 'default' });
    expect(status).toMatchObject({ status: 'Success' });
    expect(await codeOf(c.core.readNamespacedSecret({ name: 'sd', namespace: 'default' }))).toBe(404);
    await c.core.deleteCollectionNamespacedConfigMap({ namespace: 'default', labelSelector: 'app=web' });
    const left = fake.list('v1', 'ConfigMap', { namespace: 'default' }).map((o) => o.metadata.name);
    expect(left).toContain('sel-c');
    expect(left).not.toContain('sel-a');
    expect(left).not.toContain('sel-b');
  });

  it('rejects mismatched namespaces and names in the body with 400', async () => {
    expect(
      await codeOf(
        c.core.createNamespacedSecret({
          namespace: 'default',
          body: { metadata: { name: 'x', namespace: 'istio-system' } },
        }),
      ),
    ).toBe(400);
    const cm = await c.core.readNamespacedConfigMap({ name: 'occ', namespace: 'default' });
    expect(
      await codeOf(
        c.core.replaceNamespacedConfigMap({
          name: 'occ',
          namespace: 'default',
          body: { ...cm, metadata: { ...cm.metadata, name: 'other' } },
        }),
      ),
    ).toBe(400);
  });

  it('collects dependents on delete, or orphans them with propagationPolicy=Orphan', async () => {
    const owner = (name: string) =>
      fake.seed({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: 'default' },
        spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: {} },
      })[0];
    const dependent = (name: string, uid: string) =>
      fake.seed({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${name}-rs`,
          namespace: 'default',
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid, controller: true }],
        },
        spec: { replicas: 1 },
      });
    const collected = owner('collected');
    dependent('collected', collected?.metadata.uid ?? '');
    await c.apps.deleteNamespacedDeployment({ name: 'collected', namespace: 'default' });
    expect(
      fake.get({ apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'default', name: 'collected-rs' }),
    ).toBeUndefined();
    const orphaned = owner('orphaned');
    dependent('orphaned', orphaned?.metadata.uid ?? '');
    await c.apps.deleteNamespacedDeployment({
      name: 'orphaned',
      namespace: 'default',
      propagationPolicy: 'Orphan',
    });
    const left = fake.get({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      namespace: 'default',
      name: 'orphaned-rs',
    });
    expect(left?.metadata.ownerReferences).toBeUndefined();
  });

  it('deleting a namespace removes what it contained', async () => {
    await c.core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await c.core.createNamespacedSecret({ namespace: 'doomed', body: { metadata: { name: 's' } } });
    const deleted = await c.core.deleteNamespace({ name: 'doomed' });
    expect(deleted).toBeDefined();
    expect(fake.list('v1', 'Secret', { namespace: 'doomed' })).toEqual([]);
  });

  it('creates the default ServiceAccount and kube-root-ca.crt in new namespaces', async () => {
    await c.core.createNamespace({ body: { metadata: { name: 'fresh' } } });
    await c.core.readNamespacedServiceAccount({ name: 'default', namespace: 'fresh' });
    const ca = await c.core.readNamespacedConfigMap({ name: 'kube-root-ca.crt', namespace: 'fresh' });
    expect(ca.data?.['ca.crt']).toBe(fake.caPem);
  });
});
