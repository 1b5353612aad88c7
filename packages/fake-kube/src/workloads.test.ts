import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, codeOf, statusOf } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

describe('StatefulSets, Endpoints and evictions', () => {
  let fake: FakeKube;
  let c: Clients;
  beforeAll(async () => {
    fake = await startFakeKube({
      name: 'workloads',
      namespaces: ['data'],
      nodes: ['n1'],
      controllers: { podReadyDelayMs: 10 },
    });
    c = clientsFor(fake);
    await c.apps.createNamespacedStatefulSet({
      namespace: 'data',
      body: {
        metadata: { name: 'pg' },
        spec: {
          replicas: 3,
          serviceName: 'pg',
          selector: { matchLabels: { app: 'pg' } },
          template: {
            metadata: { labels: { app: 'pg' } },
            spec: { containers: [{ name: 'pg', image: 'postgres:16' }] },
          },
        },
      },
    });
    await c.core.createNamespacedService({
      namespace: 'data',
      body: {
        metadata: { name: 'pg' },
        spec: { selector: { app: 'pg' }, ports: [{ name: 'sql', port: 5432 }] },
      },
    });
    await fake.settled();
  });
  afterAll(() => fake.close());

  it('runs StatefulSet pods with stable ordinal names and scales down from the top', async () => {
    const names = (): string[] => fake.list('v1', 'Pod', { namespace: 'data' }).map((p) => p.metadata.name);
    expect(names()).toEqual(['pg-0', 'pg-1', 'pg-2']);
    const set = await c.apps.readNamespacedStatefulSet({ name: 'pg', namespace: 'data' });
    expect(set.status).toMatchObject({ replicas: 3, readyReplicas: 3 });
    await c.apps.patchNamespacedStatefulSetScale(
      { name: 'pg', namespace: 'data', body: { spec: { replicas: 1 } } },
      merge,
    );
    await fake.settled();
    expect(names()).toEqual(['pg-0']);
    await c.core.deleteNamespacedPod({ name: 'pg-0', namespace: 'data' });
    await fake.settled();
    expect(names()).toEqual(['pg-0']);
    await c.apps.patchNamespacedStatefulSetScale(
      { name: 'pg', namespace: 'data', body: { spec: { replicas: 2 } } },
      merge,
    );
    await fake.settled();
    expect(names()).toEqual(['pg-0', 'pg-1']);
  });

  it('keeps Endpoints of a selector Service in step with Ready pods', async () => {
    const ep = await c.core.readNamespacedEndpoints({ name: 'pg', namespace: 'data' });
    const addresses = ep.subsets?.[0]?.addresses ?? [];
    expect(addresses.map((a) => a.targetRef?.name).sort()).toEqual(['pg-0', 'pg-1']);
    expect(addresses.every((a) => /^10\.244\./.test(a.ip))).toBe(true);
    expect(ep.subsets?.[0]?.ports).toEqual([{ name: 'sql', port: 5432, protocol: 'TCP' }]);
    await c.apps.patchNamespacedStatefulSetScale(
      { name: 'pg', namespace: 'data', body: { spec: { replicas: 0 } } },
      merge,
    );
    await fake.settled();
    const empty = await c.core.readNamespacedEndpoints({ name: 'pg', namespace: 'data' });
    expect(empty.subsets).toBeUndefined();
    await c.core.deleteNamespacedService({ name: 'pg', namespace: 'data' });
    expect(await codeOf(c.core.readNamespacedEndpoints({ name: 'pg', namespace: 'data' }))).toBe(404);
  });

  it('keeps an HPA target within minReplicas/maxReplicas, except at 0 (autoscaling disabled)', async () => {
    await c.apps.createNamespacedDeployment({
      namespace: 'data',
      body: {
        metadata: { name: 'api' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'api' } },
          template: { metadata: { labels: { app: 'api' } } },
        },
      },
    });
    await c.objects.create({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api', namespace: 'data' },
      spec: {
        minReplicas: 2,
        maxReplicas: 4,
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
      },
    });
    const replicas = async (): Promise<number | undefined> =>
      (await c.apps.readNamespacedDeployment({ name: 'api', namespace: 'data' })).spec?.replicas;
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'api', namespace: 'data', body: { spec: { replicas: 1 } } },
      merge,
    );
    await fake.settled();
    expect(await replicas()).toBe(2);
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'api', namespace: 'data', body: { spec: { replicas: 9 } } },
      merge,
    );
    await fake.settled();
    expect(await replicas()).toBe(4);
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'api', namespace: 'data', body: { spec: { replicas: 0 } } },
      merge,
    );
    await fake.settled();
    expect(await replicas()).toBe(0);
    const hpa = fake.get({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      namespace: 'data',
      name: 'api',
    });
    expect(hpa?.['status']).toMatchObject({
      desiredReplicas: 0,
      conditions: [{ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled' }],
    });
  });

  it('evicts pods through the eviction subresource (drain) and honours dry run', async () => {
    await c.apps.patchNamespacedStatefulSetScale(
      { name: 'pg', namespace: 'data', body: { spec: { replicas: 1 } } },
      merge,
    );
    await fake.settled();
    const before = fake.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'data', name: 'pg-0' });
    await c.core.createNamespacedPodEviction({
      name: 'pg-0',
      namespace: 'data',
      dryRun: 'All',
      body: { metadata: { name: 'pg-0', namespace: 'data' } },
    });
    expect(fake.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'data', name: 'pg-0' })?.metadata.uid).toBe(
      before?.metadata.uid,
    );
    await c.core.createNamespacedPodEviction({
      name: 'pg-0',
      namespace: 'data',
      body: { metadata: { name: 'pg-0', namespace: 'data' } },
    });
    await fake.settled();
    const after = fake.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'data', name: 'pg-0' });
    expect(after?.metadata.uid).not.toBe(before?.metadata.uid);
    expect(
      await codeOf(
        c.core.createNamespacedPodEviction({
          name: 'ghost',
          namespace: 'data',
          body: { metadata: { name: 'ghost' } },
        }),
      ),
    ).toBe(404);
  });

  it('refuses evictions a PodDisruptionBudget forbids with 429 TooManyRequests', async () => {
    await c.apps.createNamespacedDeployment({
      namespace: 'data',
      body: {
        metadata: { name: 'guarded' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'guarded' } },
          template: { metadata: { labels: { app: 'guarded' } } },
        },
      },
    });
    await c.objects.create({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'guarded', namespace: 'data' },
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'guarded' } } },
    });
    await fake.settled();
    const [first] = fake.list('v1', 'Pod', { namespace: 'data', labelSelector: 'app=guarded' });
    const evict = () =>
      c.core.createNamespacedPodEviction({
        name: first?.metadata.name ?? '',
        namespace: 'data',
        body: { metadata: { name: first?.metadata.name ?? '' } },
      });
    expect(await statusOf(evict())).toMatchObject({ code: 429, reason: 'TooManyRequests' });
    await c.objects.patch(
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'guarded', namespace: 'data' },
        spec: { minAvailable: null, maxUnavailable: '50%' },
      } as never,
      undefined,
      undefined,
      undefined,
      undefined,
      PatchStrategy.MergePatch,
    );
    await evict();
    expect(
      fake.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'data', name: first?.metadata.name ?? '' }),
    ).toBeUndefined();
  });
});
