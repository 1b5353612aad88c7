import { ApiextensionsV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import type { V1CustomResourceDefinition } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, codeOf, statusOf } from '../test/clients.js';
import type { Clients } from '../test/clients.js';
import { customResourceDefinition, startFakeKube } from './index.js';
import type { FakeKube } from './index.js';

const journalCrd = customResourceDefinition({
  group: 'okemesh.io',
  kind: 'DrillJournal',
  versions: ['v1alpha1'],
  shortNames: ['dj'],
});
const journal = {
  apiVersion: 'okemesh.io/v1alpha1',
  kind: 'DrillJournal',
  metadata: { name: 'drill-1', namespace: 'default' },
  spec: { steps: [] },
};
const custom = { group: 'okemesh.io', version: 'v1alpha1', plural: 'drilljournals', namespace: 'default' };

describe('CustomResourceDefinitions and RBAC', () => {
  let fake: FakeKube;
  let bare: FakeKube;
  let c: Clients;
  beforeAll(async () => {
    [fake, bare] = await Promise.all([
      startFakeKube({ name: 'crds', crds: ['istio', 'prometheus-operator'] }),
      startFakeKube({ name: 'bare', crds: [] }),
    ]);
    c = clientsFor(fake);
  });
  afterAll(() => Promise.all([fake.close(), bare.close()]));

  it('serves a custom resource as soon as its CRD is created, and stops when it is deleted', async () => {
    expect(await codeOf(c.custom.createNamespacedCustomObject({ ...custom, body: journal }))).toBe(404);
    const crds = c.kc.makeApiClient(ApiextensionsV1Api);
    const created = await crds.createCustomResourceDefinition({
      body: journalCrd as unknown as V1CustomResourceDefinition,
    });
    expect(created.status?.conditions?.find((cond) => cond.type === 'Established')?.status).toBe('True');
    await c.custom.createNamespacedCustomObject({ ...custom, body: journal });
    const listed = (await c.custom.listNamespacedCustomObject(custom)) as {
      items: { metadata: { name: string } }[];
    };
    expect(listed.items.map((i) => i.metadata.name)).toEqual(['drill-1']);
    await c.objects.read({
      apiVersion: 'okemesh.io/v1alpha1',
      kind: 'DrillJournal',
      metadata: { name: 'drill-1', namespace: 'default' },
    });
    await crds.deleteCustomResourceDefinition({ name: 'drilljournals.okemesh.io' });
    expect(await codeOf(c.custom.listNamespacedCustomObject(custom))).toBe(404);
    await crds.createCustomResourceDefinition({ body: journalCrd as unknown as V1CustomResourceDefinition });
    const again = (await c.custom.listNamespacedCustomObject(custom)) as { items: unknown[] };
    expect(again.items).toEqual([]);
  });

  it('rejects a CRD whose name is not <plural>.<group>', async () => {
    const crds = c.kc.makeApiClient(ApiextensionsV1Api);
    const bad = {
      ...journalCrd,
      metadata: { name: 'wrong.okemesh.io' },
    } as unknown as V1CustomResourceDefinition;
    expect(await statusOf(crds.createCustomResourceDefinition({ body: bad }))).toMatchObject({
      code: 422,
      reason: 'Invalid',
    });
  });

  it('installs CRD bundles at start; a bare cluster serves no Istio resources', async () => {
    const names = fake
      .list('apiextensions.k8s.io/v1', 'CustomResourceDefinition')
      .map((o) => o.metadata.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'virtualservices.networking.istio.io',
        'istiooperators.install.istio.io',
        'prometheusrules.monitoring.coreos.com',
      ]),
    );
    expect(names).not.toContain('applications.argoproj.io');
    const rule = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'slo', namespace: 'default' },
      spec: { groups: [] },
    };
    await c.objects.create(rule);
    const bareClients = clientsFor(bare);
    expect(
      await codeOf(
        bareClients.custom.listNamespacedCustomObject({
          group: 'networking.istio.io',
          version: 'v1',
          namespace: 'default',
          plural: 'virtualservices',
        }),
      ),
    ).toBe(404);
    expect(bare.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toEqual([]);
  });

  it('stores RBAC objects (what a remote-secret reader account needs)', async () => {
    const rbac = c.kc.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createClusterRole({
      body: {
        metadata: { name: 'istio-reader-clusterrole' },
        rules: [{ apiGroups: [''], resources: ['pods', 'services'], verbs: ['get', 'list', 'watch'] }],
      },
    });
    await rbac.createClusterRoleBinding({
      body: {
        metadata: { name: 'istio-reader-clusterrole-binding' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'istio-reader-clusterrole',
        },
        subjects: [
          { kind: 'ServiceAccount', name: 'istio-reader-service-account', namespace: 'istio-system' },
        ],
      },
    });
    const bindings = await rbac.listClusterRoleBinding();
    expect(bindings.items.map((b) => b.roleRef.name)).toEqual(['istio-reader-clusterrole']);
  });
});
