import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig, PatchStrategy, Watch } from '@kubernetes/client-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, codeOf, fromKubeConfig, rawRequest } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { startFakeKubes, writeMultiClusterKubeconfig } from './index.js';
import type { FakeKube } from './index.js';

const vs = (name: string) => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name, namespace: 'shop', labels: { 'okemesh.io/managed': 'true' } },
  spec: {
    hosts: ['cart.shop.svc.cluster.local'],
    http: [{ route: [{ destination: { host: 'cart' }, weight: 100 }] }],
  },
});

describe('Istio/Argo custom resources, Leases, watch and multi-cluster kubeconfig', () => {
  let primary: FakeKube;
  let remote: FakeKube;
  let c: Clients;
  let dir: string;
  beforeAll(async () => {
    [primary, remote] = await startFakeKubes([
      { name: 'primary-cluster', namespaces: ['shop', 'argocd'] },
      { name: 'remote-cluster' },
    ]);
    c = clientsFor(primary);
    dir = await mkdtemp(join(tmpdir(), 'fake-kube-'));
  });
  afterAll(async () => {
    await Promise.all([primary.close(), remote.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('serves VirtualServices through CustomObjectsApi at v1 and the v1beta1/v1alpha3 aliases (one store)', async () => {
    await c.custom.createNamespacedCustomObject({
      group: 'networking.istio.io',
      version: 'v1',
      namespace: 'shop',
      plural: 'virtualservices',
      body: vs('cart'),
    });
    const beta = (await c.custom.getNamespacedCustomObject({
      group: 'networking.istio.io',
      version: 'v1beta1',
      namespace: 'shop',
      plural: 'virtualservices',
      name: 'cart',
    })) as { apiVersion: string; spec: unknown };
    expect(beta.apiVersion).toBe('networking.istio.io/v1beta1');
    expect(beta.spec).toEqual(vs('cart').spec);
    const alpha = (await c.custom.listNamespacedCustomObject({
      group: 'networking.istio.io',
      version: 'v1alpha3',
      namespace: 'shop',
      plural: 'virtualservices',
      labelSelector: 'okemesh.io/managed=true',
    })) as { items: unknown[]; kind: string };
    expect(alpha.kind).toBe('VirtualServiceList');
    expect(alpha.items).toHaveLength(1);
    expect(
      await codeOf(
        c.custom.getNamespacedCustomObject({
          group: 'networking.istio.io',
          version: 'v2',
          namespace: 'shop',
          plural: 'virtualservices',
          name: 'cart',
        }),
      ),
    ).toBe(404);
  });

  it('refuses strategic merge patch on custom resources (415) like a real server; merge patch works', async () => {
    const smp = await rawRequest(
      primary,
      'PATCH',
      '/apis/networking.istio.io/v1/namespaces/shop/virtualservices/cart',
      {
        body: { spec: { hosts: ['x'] } },
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
      },
    );
    expect(smp.status).toBe(415);
    expect(smp.json()).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType' });
    expect(await codeOf(c.objects.patch(vs('cart')))).toBe(415);
    const merged = await c.objects.patch(
      { ...vs('cart'), spec: { hosts: ['cart.shop'] } },
      undefined,
      undefined,
      undefined,
      undefined,
      PatchStrategy.MergePatch,
    );
    expect(merged).toMatchObject({ spec: { hosts: ['cart.shop'] } });
  });

  it('creates Argo CD Applications, AuthorizationPolicies and NetworkPolicies with KubernetesObjectApi', async () => {
    const app: KubernetesObject = await c.objects.create({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'shop', namespace: 'argocd' },
      spec: { project: 'default' },
    });
    expect(app.metadata?.generation).toBe(1);
    await c.objects.create({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'deny-all', namespace: 'shop' },
      spec: {},
    });
    await c.objects.create({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'shop' },
      spec: { podSelector: {} },
    });
    await c.objects.create({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'cart', namespace: 'shop' },
      spec: { maxReplicas: 5, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' } },
    });
    const listed = await c.objects.list('security.istio.io/v1beta1', 'AuthorizationPolicy', 'shop');
    expect(listed.items.map((i) => i.metadata?.name)).toEqual(['deny-all']);
    expect(primary.list('autoscaling/v2', 'HorizontalPodAutoscaler')).toHaveLength(1);
  });

  it('uses Leases as locks: create wins once, replace with a stale resourceVersion conflicts', async () => {
    const body = {
      metadata: { name: 'okemesh-failover' },
      spec: {
        holderIdentity: 'a',
        leaseDurationSeconds: 15,
        acquireTime: new Date('2026-01-01T00:00:00Z'),
        renewTime: new Date(),
      },
    };
    const lease = await c.coordination.createNamespacedLease({ namespace: 'default', body });
    expect(String(lease.spec?.acquireTime)).toMatch(/^2026-01-01T00:00:00/);
    expect(await codeOf(c.coordination.createNamespacedLease({ namespace: 'default', body }))).toBe(409);
    await c.coordination.replaceNamespacedLease({
      name: 'okemesh-failover',
      namespace: 'default',
      body: { ...lease, spec: { holderIdentity: 'b' } },
    });
    expect(
      await codeOf(
        c.coordination.replaceNamespacedLease({
          name: 'okemesh-failover',
          namespace: 'default',
          body: { ...lease, spec: { holderIdentity: 'c' } },
        }),
      ),
    ).toBe(409);
  });

  it('streams watch events to client-node Watch', async () => {
    const watch = new Watch(c.kc);
    const events: string[] = [];
    const done = new Promise<void>((resolve) => {
      void watch
        .watch(
          '/api/v1/namespaces/shop/configmaps',
          { labelSelector: 'w=1' },
          (type, obj: { metadata: { name: string } }) => {
            events.push(`${type}:${obj.metadata.name}`);
            if (events.length === 3) resolve();
          },
          () => undefined,
        )
        .then((req) => done.finally(() => req.abort()));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.core.createNamespacedConfigMap({
      namespace: 'shop',
      body: { metadata: { name: 'w', labels: { w: '1' } } },
    });
    await c.core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'unwatched' } } });
    await c.core.patchNamespacedConfigMap({
      name: 'w',
      namespace: 'shop',
      body: [{ op: 'add', path: '/data', value: { a: 'b' } }],
    });
    await c.core.deleteNamespacedConfigMap({ name: 'w', namespace: 'shop' });
    await done;
    expect(events).toEqual(['ADDED:w', 'MODIFIED:w', 'DELETED:w']);
  });

  it('writes ONE kubeconfig with a context per cluster, each verified against its own CA', async () => {
    const path = join(dir, 'kubeconfig');
    await writeMultiClusterKubeconfig(path, [
      { context: 'oke-fra', cluster: primary, namespace: 'shop' },
      { context: 'oke-ams', cluster: remote },
    ]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('insecure-skip-tls-verify');
    const kc = new KubeConfig();
    kc.loadFromFile(path);
    expect(kc.getContexts().map((ctx) => ctx.name)).toEqual(['oke-fra', 'oke-ams']);
    expect(kc.getCurrentContext()).toBe('oke-fra');
    await fromKubeConfig(kc).core.createNamespace({ body: { metadata: { name: 'from-fra' } } });
    kc.setCurrentContext('oke-ams');
    await fromKubeConfig(kc).core.createNamespace({ body: { metadata: { name: 'from-ams' } } });
    expect(primary.get({ apiVersion: 'v1', kind: 'Namespace', name: 'from-fra' })).toBeDefined();
    expect(primary.get({ apiVersion: 'v1', kind: 'Namespace', name: 'from-ams' })).toBeUndefined();
    expect(remote.get({ apiVersion: 'v1', kind: 'Namespace', name: 'from-ams' })).toBeDefined();
  });
});
