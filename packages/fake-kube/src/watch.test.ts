import { makeInformer } from '@kubernetes/client-node';
import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, rawRequest } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (predicate()) resolve();
      else if (Date.now() > deadline) reject(new Error('condition not met in time'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('watch and informers', () => {
  let fake: FakeKube;
  let c: Clients;
  beforeAll(async () => {
    fake = await startFakeKube({
      name: 'watched',
      namespaces: ['shop'],
      controllers: { podReadyDelayMs: 10 },
    });
    c = clientsFor(fake);
  });
  afterAll(() => fake.close());

  it('feeds a client-node informer (list, then watch from the list resourceVersion)', async () => {
    const informer = makeInformer(
      c.kc,
      '/api/v1/namespaces/shop/pods',
      () => c.core.listNamespacedPod({ namespace: 'shop' }),
      'app=web',
    );
    const ready = new Set<string>();
    informer.on('update', (pod: V1Pod) => {
      if (pod.status?.conditions?.some((cond) => cond.type === 'Ready' && cond.status === 'True'))
        ready.add(pod.metadata?.name ?? '');
    });
    await informer.start();
    try {
      await c.apps.createNamespacedDeployment({
        namespace: 'shop',
        body: {
          metadata: { name: 'web' },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: 'web' } },
            template: { metadata: { labels: { app: 'web' } } },
          },
        },
      });
      await until(() => ready.size === 2);
      expect(informer.list('shop').map((p) => p.metadata?.name)).toHaveLength(2);
    } finally {
      await informer.stop();
    }
  });

  it('replays events after a resourceVersion and rejects a malformed one with 400', async () => {
    const list = await c.core.listNamespacedConfigMap({ namespace: 'shop' });
    const from = list.metadata?.resourceVersion ?? '';
    await c.core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'later' } } });
    const stream = await rawRequest(
      fake,
      'GET',
      `/api/v1/namespaces/shop/configmaps?watch=true&resourceVersion=${from}&timeoutSeconds=1`,
    );
    const events = stream.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; object: { metadata: { name: string } } });
    expect(events.map((e) => `${e.type}:${e.object.metadata.name}`)).toEqual(['ADDED:later']);
    const malformed = await rawRequest(
      fake,
      'GET',
      '/api/v1/namespaces/shop/configmaps?watch=true&resourceVersion=abc',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
  });

  it('replays changes in resourceVersion order, DELETED events carrying their own revision', async () => {
    const from = (await c.core.listConfigMapForAllNamespaces()).metadata?.resourceVersion ?? '';
    await c.core.createNamespace({ body: { metadata: { name: 'ordered' } } });
    await c.core.createNamespacedConfigMap({ namespace: 'ordered', body: { metadata: { name: 'x' } } });
    await c.core.deleteNamespace({ name: 'ordered' });
    const stream = await rawRequest(
      fake,
      'GET',
      `/api/v1/configmaps?watch=true&resourceVersion=${from}&timeoutSeconds=1`,
    );
    const events = stream.body
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            type: string;
            object: { metadata: { name: string; resourceVersion: string } };
          },
      );
    expect(events.map((e) => `${e.type}:${e.object.metadata.name}`)).toEqual([
      'ADDED:kube-root-ca.crt',
      'ADDED:x',
      'DELETED:kube-root-ca.crt',
      'DELETED:x',
    ]);
    const versions = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
