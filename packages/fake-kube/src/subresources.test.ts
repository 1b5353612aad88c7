import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, codeOf, statusOf } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

describe('subresources: scale, TokenRequest, ServiceAccount token Secrets', () => {
  let fake: FakeKube;
  let c: Clients;
  beforeAll(async () => {
    fake = await startFakeKube({ name: 'subresources', namespaces: ['istio-system'] });
    c = clientsFor(fake);
    fake.seed({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'api' } },
        template: { metadata: { labels: { app: 'api' } }, spec: { containers: [] } },
      },
    });
  });
  afterAll(() => fake.close());

  it('reads, replaces and patches the Deployment scale subresource', async () => {
    const scale = await c.apps.readNamespacedDeploymentScale({ name: 'api', namespace: 'default' });
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 3 },
      status: { selector: 'app=api' },
    });
    const replaced = await c.apps.replaceNamespacedDeploymentScale({
      name: 'api',
      namespace: 'default',
      body: { ...scale, spec: { replicas: 5 } },
    });
    expect(replaced.spec?.replicas).toBe(5);
    const stale = await statusOf(
      c.apps.replaceNamespacedDeploymentScale({
        name: 'api',
        namespace: 'default',
        body: { ...scale, spec: { replicas: 6 } },
      }),
    );
    expect(stale).toMatchObject({ code: 409, reason: 'Conflict' });
    const patched = await c.apps.patchNamespacedDeploymentScale(
      { name: 'api', namespace: 'default', body: { spec: { replicas: 0 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.spec?.replicas).toBe(0);
    const deployment = await c.apps.readNamespacedDeployment({ name: 'api', namespace: 'default' });
    expect(deployment.spec?.replicas).toBe(0);
    expect(await codeOf(c.apps.readNamespacedDeploymentScale({ name: 'ghost', namespace: 'default' }))).toBe(
      404,
    );
    const dry = await c.apps.patchNamespacedDeploymentScale(
      { name: 'api', namespace: 'default', dryRun: 'All', body: { spec: { replicas: 7 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(dry.spec?.replicas).toBe(7);
    expect(
      fake.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'api' })?.['spec'],
    ).toMatchObject({ replicas: 0 });
    expect(
      await codeOf(
        c.apps.replaceNamespacedDeploymentScale({
          name: 'api',
          namespace: 'default',
          body: { spec: { replicas: -1 } },
        }),
      ),
    ).toBe(422);
  });

  it('answers a TokenRequest with a signed token that authenticates against this cluster only', async () => {
    await c.core.createNamespacedServiceAccount({
      namespace: 'istio-system',
      body: { metadata: { name: 'istio-reader-service-account' } },
    });
    const tr = await c.core.createNamespacedServiceAccountToken({
      name: 'istio-reader-service-account',
      namespace: 'istio-system',
      body: { spec: { audiences: ['istio-ca'], expirationSeconds: 3600 } },
    });
    const token = tr.status?.token ?? '';
    expect(token.split('.')).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub: string;
      aud: string[];
    };
    expect(claims).toMatchObject({
      sub: 'system:serviceaccount:istio-system:istio-reader-service-account',
      aud: ['istio-ca'],
    });
    expect(tr.status?.expirationTimestamp).toBeInstanceOf(Date);
    const asReader = clientsFor(fake, { token });
    const list = await asReader.core.listNamespace();
    expect(list.items.length).toBeGreaterThan(0);
    expect(fake.requests().at(-1)).toMatchObject({
      path: '/api/v1/namespaces',
      user: 'system:serviceaccount:istio-system:istio-reader-service-account',
    });
    expect(
      await codeOf(
        c.core.createNamespacedServiceAccountToken({
          name: 'nobody',
          namespace: 'istio-system',
          body: { spec: { audiences: [] } },
        }),
      ),
    ).toBe(404);
  });

  it('fills ServiceAccount token Secrets with token, ca.crt and namespace', async () => {
    await c.core.createNamespacedSecret({
      namespace: 'istio-system',
      body: {
        metadata: {
          name: 'reader-token',
          annotations: { 'kubernetes.io/service-account.name': 'istio-reader-service-account' },
        },
        type: 'kubernetes.io/service-account-token',
      },
    });
    const secret = await c.core.readNamespacedSecret({ name: 'reader-token', namespace: 'istio-system' });
    const decode = (k: string): string => Buffer.from(secret.data?.[k] ?? '', 'base64').toString('utf8');
    expect(decode('ca.crt')).toBe(fake.caPem);
    expect(decode('namespace')).toBe('istio-system');
    expect(secret.metadata?.annotations?.['kubernetes.io/service-account.uid']).toBeDefined();
    const viaSecret = clientsFor(fake, { token: decode('token') });
    await viaSecret.core.readNamespace({ name: 'istio-system' });
    await c.core.deleteNamespacedSecret({ name: 'reader-token', namespace: 'istio-system' });
    expect(await codeOf(viaSecret.core.readNamespace({ name: 'istio-system' }))).toBe(401);
  });

  it('fills a token Secret created before its ServiceAccount once the account exists', async () => {
    await c.core.createNamespacedSecret({
      namespace: 'default',
      body: {
        metadata: { name: 'early-token', annotations: { 'kubernetes.io/service-account.name': 'late' } },
        type: 'kubernetes.io/service-account-token',
      },
    });
    expect(
      (await c.core.readNamespacedSecret({ name: 'early-token', namespace: 'default' })).data?.['token'],
    ).toBeUndefined();
    await c.core.createNamespacedServiceAccount({
      namespace: 'default',
      body: { metadata: { name: 'late' } },
    });
    expect(
      (await c.core.readNamespacedSecret({ name: 'early-token', namespace: 'default' })).data?.['token'],
    ).toBeDefined();
  });

  it('revokes ServiceAccount tokens and token Secrets when the ServiceAccount is deleted', async () => {
    await c.core.createNamespacedServiceAccount({
      namespace: 'default',
      body: { metadata: { name: 'short-lived' } },
    });
    const tr = await c.core.createNamespacedServiceAccountToken({
      name: 'short-lived',
      namespace: 'default',
      body: { spec: { audiences: [] } },
    });
    await c.core.createNamespacedSecret({
      namespace: 'default',
      body: {
        metadata: {
          name: 'short-lived-token',
          annotations: { 'kubernetes.io/service-account.name': 'short-lived' },
        },
        type: 'kubernetes.io/service-account-token',
      },
    });
    const holder = clientsFor(fake, { token: tr.status?.token ?? '' });
    await holder.core.readNamespace({ name: 'default' });
    await c.core.deleteNamespacedServiceAccount({ name: 'short-lived', namespace: 'default' });
    expect(await codeOf(holder.core.readNamespace({ name: 'default' }))).toBe(401);
    expect(
      fake.get({ apiVersion: 'v1', kind: 'Secret', namespace: 'default', name: 'short-lived-token' }),
    ).toBeUndefined();
    await c.core.createNamespacedServiceAccount({
      namespace: 'default',
      body: { metadata: { name: 'short-lived' } },
    });
    expect(await codeOf(holder.core.readNamespace({ name: 'default' }))).toBe(401);
  });

  it('answers 403 Forbidden to read-only identities on writes', async () => {
    fake.addToken('viewer-token', { user: 'viewer', readOnly: true });
    const viewer = clientsFor(fake, { token: 'viewer-token' });
    await viewer.core.listNamespacedSecret({ namespace: 'istio-system' });
    const denied = await statusOf(
      viewer.core.createNamespacedSecret({
        namespace: 'istio-system',
        body: { metadata: { name: 'cacerts' } },
      }),
    );
    expect(denied).toMatchObject({ code: 403, reason: 'Forbidden' });
    expect(denied.message).toContain('User "viewer" cannot create resource "secrets"');
  });

  it('serves the status subresource of Services and the LoadBalancer ingress hook', async () => {
    await c.core.createNamespacedService({
      namespace: 'istio-system',
      body: {
        metadata: { name: 'istio-eastwestgateway' },
        spec: { type: 'LoadBalancer', ports: [{ port: 15443, name: 'tls' }] },
      },
    });
    const pending = await c.core.readNamespacedService({
      name: 'istio-eastwestgateway',
      namespace: 'istio-system',
    });
    expect(pending.status?.loadBalancer?.ingress).toBeUndefined();
    expect(pending.spec?.clusterIP).toMatch(/^10\.96\./);
    fake.setLoadBalancerIngress('istio-system', 'istio-eastwestgateway', [{ ip: '203.0.113.10' }]);
    const ready = await c.core.readNamespacedServiceStatus({
      name: 'istio-eastwestgateway',
      namespace: 'istio-system',
    });
    expect(ready.status?.loadBalancer?.ingress?.[0]?.ip).toBe('203.0.113.10');
  });
});
