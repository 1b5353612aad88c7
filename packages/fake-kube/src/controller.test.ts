import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

const podNames = (fake: FakeKube, app: string): string[] =>
  fake.list('v1', 'Pod', { namespace: 'shop', labelSelector: `app=${app}` }).map((p) => p.metadata.name);

describe('Deployment controller simulation', () => {
  let fake: FakeKube;
  let c: Clients;
  beforeAll(async () => {
    fake = await startFakeKube({
      name: 'controlled',
      namespaces: ['shop'],
      nodes: ['node-a', 'node-b'],
      controllers: { podReadyDelayMs: 20 },
    });
    c = clientsFor(fake);
  });
  afterAll(() => fake.close());

  it('keeps spec.replicas pods named <deploy>-<hash>-<rand>, labelled from the template, Ready after the delay', async () => {
    await c.apps.createNamespacedDeployment({
      namespace: 'shop',
      body: {
        metadata: { name: 'cart' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'cart' } },
          template: {
            metadata: { labels: { app: 'cart', version: 'v1' } },
            spec: { containers: [{ name: 'cart', image: 'cart:1' }] },
          },
        },
      },
    });
    await fake.settled();
    const pods = await c.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=cart' });
    expect(pods.items).toHaveLength(3);
    for (const pod of pods.items) {
      expect(pod.metadata?.name).toMatch(/^cart-[a-z0-9]{10}-[a-z0-9]{5}$/);
      expect(pod.metadata?.labels).toMatchObject({ app: 'cart', version: 'v1' });
      expect(pod.status?.phase).toBe('Running');
      expect(pod.status?.conditions?.find((cond) => cond.type === 'Ready')?.status).toBe('True');
      expect(['node-a', 'node-b']).toContain(pod.spec?.nodeName);
    }
    const deployment = await c.apps.readNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    expect(deployment.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
    const rs = await c.apps.listNamespacedReplicaSet({ namespace: 'shop' });
    expect(rs.items.map((r) => r.metadata?.ownerReferences?.[0]?.name)).toEqual(['cart']);
  });

  it('replaces pods deleted by label selector, with new names', async () => {
    const before = podNames(fake, 'cart');
    await c.core.deleteCollectionNamespacedPod({ namespace: 'shop', labelSelector: 'app=cart' });
    await fake.settled();
    const after = podNames(fake, 'cart');
    expect(after).toHaveLength(3);
    expect(after.filter((n) => before.includes(n))).toEqual([]);
    const deployment = fake.get({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'cart',
    });
    expect(deployment?.['status']).toMatchObject({ readyReplicas: 3 });
  });

  it('reports unready pods until the delay passes', async () => {
    await c.core.deleteNamespacedPod({ name: podNames(fake, 'cart')[0] ?? '', namespace: 'shop' });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const status = fake.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'cart' })?.[
      'status'
    ] as { readyReplicas?: number };
    expect(status.readyReplicas).toBe(2);
    await fake.settled();
    expect(
      (
        fake.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'cart' })?.[
          'status'
        ] as { readyReplicas?: number }
      ).readyReplicas,
    ).toBe(3);
  });

  it('scales through the scale subresource, down to zero', async () => {
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'cart', namespace: 'shop', body: { spec: { replicas: 5 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await fake.settled();
    expect(podNames(fake, 'cart')).toHaveLength(5);
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'cart', namespace: 'shop', body: { spec: { replicas: 0 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await fake.settled();
    expect(podNames(fake, 'cart')).toEqual([]);
    const deployment = await c.apps.readNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    expect(deployment.status?.readyReplicas).toBeUndefined();
    expect(deployment.status?.replicas).toBeUndefined();
  });

  it('does not schedule onto cordoned nodes', async () => {
    await c.core.patchNode(
      { name: 'node-a', body: { spec: { unschedulable: true } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'cart', namespace: 'shop', body: { spec: { replicas: 4 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await fake.settled();
    const nodes = fake
      .list('v1', 'Pod', { namespace: 'shop' })
      .map((p) => (p['spec'] as { nodeName?: string }).nodeName);
    expect(nodes).toEqual(['node-b', 'node-b', 'node-b', 'node-b']);
  });

  it('rolls pods to a new ReplicaSet when the template changes and garbage-collects on delete', async () => {
    const before = podNames(fake, 'cart');
    await c.apps.patchNamespacedDeployment(
      {
        name: 'cart',
        namespace: 'shop',
        body: { spec: { template: { metadata: { labels: { app: 'cart', version: 'v2' } } } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await fake.settled();
    const pods = fake.list('v1', 'Pod', { namespace: 'shop', labelSelector: 'app=cart' });
    expect(pods.map((p) => p.metadata.labels?.['version'])).toEqual(['v2', 'v2', 'v2', 'v2']);
    expect(pods.filter((p) => before.includes(p.metadata.name))).toEqual([]);
    expect(fake.list('apps/v1', 'ReplicaSet', { namespace: 'shop' })).toHaveLength(1);
    await c.apps.deleteNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    await fake.settled();
    expect(fake.list('v1', 'Pod', { namespace: 'shop' })).toEqual([]);
    expect(fake.list('apps/v1', 'ReplicaSet', { namespace: 'shop' })).toEqual([]);
  });

  it('leaves Deployments alone when controllers are off', async () => {
    const plain = await startFakeKube({ name: 'plain' });
    try {
      await clientsFor(plain).apps.createNamespacedDeployment({
        namespace: 'default',
        body: {
          metadata: { name: 'x' },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: 'x' } },
            template: { metadata: { labels: { app: 'x' } } },
          },
        },
      });
      await plain.settled();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(plain.list('v1', 'Pod')).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
