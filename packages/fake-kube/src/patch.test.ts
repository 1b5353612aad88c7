import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, codeOf, rawRequest, statusOf } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

const deployment = (name: string, replicas = 2) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default', labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'main', image: 'nginx:1' }] },
    },
  },
});

describe('patch types, dry run and field validation', () => {
  let fake: FakeKube;
  let c: Clients;
  beforeAll(async () => {
    fake = await startFakeKube({ name: 'patching' });
    c = clientsFor(fake);
    fake.seed(deployment('web'), { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a' }, spec: {} });
  });
  afterAll(() => fake.close());

  it('applies a JSON merge patch (null deletes) and bumps generation only on spec changes', async () => {
    const before = await c.apps.readNamespacedDeployment({ name: 'web', namespace: 'default' });
    const patched = await c.apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'default',
        body: { metadata: { labels: { app: null, tier: 'front' } }, spec: { replicas: 4 } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.spec?.replicas).toBe(4);
    expect(patched.metadata?.labels).toEqual({ tier: 'front' });
    expect(patched.metadata?.generation).toBe((before.metadata?.generation ?? 0) + 1);
    const labelOnly = await c.apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'default', body: { metadata: { labels: { extra: 'x' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(labelOnly.metadata?.generation).toBe(patched.metadata?.generation);
  });

  it('applies strategic merge patches: cordon a node, merge containers by name', async () => {
    const smp = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
    const node = await c.core.patchNode({ name: 'node-a', body: { spec: { unschedulable: true } } }, smp);
    expect(node.spec?.unschedulable).toBe(true);
    const patched = await c.apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'default',
        body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'proxy:1' }] } } } },
      },
      smp,
    );
    expect(patched.spec?.template.spec?.containers.map((ct) => ct.name)).toEqual(['main', 'sidecar']);
  });

  it('applies an RFC 6902 JSON patch and answers 422 when a test op fails', async () => {
    const patched = await c.apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'default',
        body: [
          { op: 'test', path: '/spec/replicas', value: 4 },
          { op: 'replace', path: '/spec/replicas', value: 1 },
          { op: 'add', path: '/metadata/annotations', value: { a: 'b' } },
        ],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    expect(patched.spec?.replicas).toBe(1);
    expect(patched.metadata?.annotations).toEqual({ a: 'b' });
    const failed = await statusOf(
      c.apps.patchNamespacedDeployment(
        { name: 'web', namespace: 'default', body: [{ op: 'test', path: '/spec/replicas', value: 99 }] },
        setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
      ),
    );
    expect(failed).toMatchObject({ code: 422, reason: 'Invalid' });
  });

  it('server-side apply creates a missing object and merges into an existing one, requiring fieldManager', async () => {
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'okemesh-lock', namespace: 'default' },
      spec: { holderIdentity: 'drill-1' },
    };
    const created: KubernetesObject = await c.objects.patch(
      lease,
      undefined,
      undefined,
      'okemesh',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(created.metadata?.uid).toBeDefined();
    const applied = await c.objects.patch(
      { ...lease, spec: { leaseDurationSeconds: 30 } },
      undefined,
      undefined,
      'okemesh',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(applied).toMatchObject({ spec: { holderIdentity: 'drill-1', leaseDurationSeconds: 30 } });
    expect(
      await codeOf(
        c.objects.patch(lease, undefined, undefined, undefined, undefined, PatchStrategy.ServerSideApply),
      ),
    ).toBe(422);
  });

  it('a patch carrying a stale metadata.resourceVersion conflicts (409)', async () => {
    const status = await statusOf(
      c.apps.patchNamespacedDeployment(
        {
          name: 'web',
          namespace: 'default',
          body: { metadata: { resourceVersion: '1' }, spec: { replicas: 3 } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
  });

  it('dryRun=All validates and answers as if done, persisting nothing', async () => {
    const before = fake.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' });
    fake.clearRequests();
    const created = await c.core.createNamespacedSecret({
      namespace: 'default',
      dryRun: 'All',
      body: { metadata: { name: 'dry' }, stringData: { a: 'b' } },
    });
    expect(created.metadata?.name).toBe('dry');
    expect(created.data).toEqual({ a: Buffer.from('b').toString('base64') });
    const patched = await c.apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'default', dryRun: 'All', body: { spec: { replicas: 9 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.spec?.replicas).toBe(9);
    await c.apps.deleteNamespacedDeployment({ name: 'web', namespace: 'default', dryRun: 'All' });
    expect(
      await codeOf(
        c.core.createNamespacedSecret({
          namespace: 'nowhere',
          dryRun: 'All',
          body: { metadata: { name: 'dry' } },
        }),
      ),
    ).toBe(404);
    expect(fake.get({ apiVersion: 'v1', kind: 'Secret', namespace: 'default', name: 'dry' })).toBeUndefined();
    expect(
      fake.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' }),
    ).toEqual(before);
    expect(fake.mutatingRequests()).toEqual([]);
    expect(fake.mutatingRequests({ includeDryRun: true }).map((r) => r.method)).toEqual([
      'POST',
      'PATCH',
      'DELETE',
      'POST',
    ]);
    expect(fake.requests()[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/namespaces/default/secrets',
      dryRun: true,
      query: { dryRun: 'All' },
    });
    expect(
      await codeOf(
        c.core.createNamespacedSecret({
          namespace: 'default',
          dryRun: 'Some',
          body: { metadata: { name: 'dry' } },
        }),
      ),
    ).toBe(400);
  });

  it('fieldValidation=Strict rejects unknown top-level fields of modelled kinds; Warn only warns', async () => {
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'strict' }, data: {}, bogus: true };
    const strict = await rawRequest(
      fake,
      'POST',
      '/api/v1/namespaces/default/configmaps?fieldValidation=Strict',
      { body },
    );
    expect(strict.json()).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest' });
    expect(strict.body).toContain('unknown field \\"bogus\\"');
    const warned = await rawRequest(fake, 'POST', '/api/v1/namespaces/default/configmaps', { body });
    expect(warned.status).toBe(201);
    expect(warned.headers['warning']).toContain('unknown field');
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'any', namespace: 'default' },
      spec: {},
      anything: 1,
    };
    const custom = await rawRequest(
      fake,
      'POST',
      '/apis/networking.istio.io/v1/namespaces/default/virtualservices?fieldValidation=Strict',
      { body: vs },
    );
    expect(custom.status).toBe(201);
  });

  it('immutable Secrets reject data changes with 422', async () => {
    const s = await c.core.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'frozen' }, immutable: true, data: { a: 'Yg==' } },
    });
    const status = await statusOf(
      c.core.replaceNamespacedSecret({
        name: 'frozen',
        namespace: 'default',
        body: { ...s, data: { a: 'Yw==' } },
      }),
    );
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
  });

  it('ignores status on main-resource writes and writes it through the status subresource', async () => {
    const current = await c.apps.readNamespacedDeployment({ name: 'web', namespace: 'default' });
    const replaced = await c.apps.replaceNamespacedDeployment({
      name: 'web',
      namespace: 'default',
      body: { ...current, status: { replicas: 42 } },
    });
    expect(replaced.status?.replicas).toBeUndefined();
    const status = await c.apps.patchNamespacedDeploymentStatus(
      { name: 'web', namespace: 'default', body: { status: { replicas: 42 }, spec: { replicas: 100 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(status.status?.replicas).toBe(42);
    expect(status.spec?.replicas).toBe(replaced.spec?.replicas);
  });

  it('answers 415 for an unsupported patch content type', async () => {
    expect(
      await codeOf(
        c.apps.patchNamespacedDeployment(
          { name: 'web', namespace: 'default', body: {} },
          setHeaderOptions('Content-Type', 'text/plain'),
        ),
      ),
    ).toBe(415);
  });
});
