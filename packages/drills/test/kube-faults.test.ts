import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDrillError } from '../src/errors.js';
import { selfHealWarnings } from '../src/kube/gitops.js';
import { orphanWarnings } from '../src/kube/orphans.js';
import { Journal } from '../src/runner/journal.js';
import { injectFault, type InjectContext } from '../src/runner/inject.js';
import { revertAll } from '../src/runner/revert.js';
import type { Fault } from '../src/spec/fault-schema.js';
import { deployment, fakeCluster, readyPods, type FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster;
let dir: string;

beforeAll(async () => {
  cluster = await fakeCluster('primary-cluster');
  dir = await mkdtemp(join(tmpdir(), 'okemesh-drills-'));
});
afterAll(async () => cluster.fake.close());

async function context(name: string, dryRun = false): Promise<InjectContext> {
  const journal = await Journal.create(join(dir, `${name}.json`), {
    drill: name,
    scenario: null,
    topology: 't',
    dryRun,
    id: name,
  });
  return {
    journal,
    deps: { apis: new Map([['primary-cluster', cluster.api]]) },
    dryRun,
    drillId: name,
    serviceNamespaces: new Map([['reviews', 'bookinfo']]),
    random: () => 0,
  };
}

const onDisk = async (ctx: InjectContext) =>
  JSON.parse(await readFile(ctx.journal.path, 'utf8')) as { mutations: { state: string; before: unknown }[] };

describe('Kubernetes faults against the wire-level fake API', () => {
  it('scales a Deployment to 0 and restores the recorded replicas, noting its HPA', async () => {
    cluster.fake.seed(deployment('bookinfo', 'reviews', 3), {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'reviews' },
        minReplicas: 2,
        maxReplicas: 5,
      },
    });
    await cluster.fake.settled();
    expect(readyPods(cluster.fake, 'bookinfo', 'reviews')).toBe(3);
    const ctx = await context('scale');
    const warnings = await injectFault(ctx, 0, {
      type: 'scale-deployment',
      cluster: 'primary-cluster',
      namespace: 'bookinfo',
      name: 'reviews',
    });
    expect(warnings[0]).toMatch(/HPA reviews .* restores replicas=3/);
    await cluster.fake.settled();
    expect(readyPods(cluster.fake, 'bookinfo', 'reviews')).toBe(0);
    const journaled = await onDisk(ctx);
    expect(journaled.mutations[0]).toMatchObject({ state: 'applied', before: { spec: { replicas: 3 } } });
    expect(await revertAll(ctx.journal, ctx.deps)).toEqual([]);
    await cluster.fake.settled();
    expect(readyPods(cluster.fake, 'bookinfo', 'reviews')).toBe(3);
    expect((await onDisk(ctx)).mutations[0]?.state).toBe('reverted');
  });

  it('journals the snapshot before mutating: a failed PATCH leaves a pending entry that revert replays', async () => {
    cluster.fake.seed(deployment('bookinfo', 'details', 2));
    const ctx = await context('pending');
    cluster.fake.failNext({ method: 'PATCH', status: 500 });
    await expect(
      injectFault(ctx, 0, {
        type: 'scale-deployment',
        cluster: 'primary-cluster',
        namespace: 'bookinfo',
        name: 'details',
      }),
    ).rejects.toThrow();
    expect((await onDisk(ctx)).mutations[0]).toMatchObject({
      state: 'pending',
      before: { spec: { replicas: 2 } },
    });
    expect(await revertAll(ctx.journal, ctx.deps)).toEqual([]);
    expect(
      cluster.fake.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo', name: 'details' })
        ?.spec,
    ).toMatchObject({ replicas: 2 });
  });

  it('deletes PERCENT of the selected pods and waits for replacements on revert', async () => {
    cluster.fake.seed(deployment('bookinfo', 'ratings', 4));
    await cluster.fake.settled();
    const before = cluster.fake
      .list('v1', 'Pod', { namespace: 'bookinfo', labelSelector: 'app=ratings' })
      .map((p) => p.metadata.name);
    const ctx = await context('pods');
    await injectFault(ctx, 0, {
      type: 'delete-pods',
      cluster: 'primary-cluster',
      namespace: 'bookinfo',
      selector: 'app=ratings',
      radius: { percent: 50 },
      gracePeriodSeconds: 0,
    });
    const deletes = cluster.fake.mutatingRequests().filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(2);
    expect(await revertAll(ctx.journal, ctx.deps, { podWaitMs: 5_000 })).toEqual([]);
    const after = cluster.fake
      .list('v1', 'Pod', { namespace: 'bookinfo', labelSelector: 'app=ratings' })
      .map((p) => p.metadata.name);
    expect(after).toHaveLength(4);
    expect(after.filter((n) => !before.includes(n))).toHaveLength(2);
  });

  it('refuses a fault that resolves no target, before mutating anything', async () => {
    cluster.fake.clearRequests();
    const ctx = await context('none');
    const fault: Fault = {
      type: 'delete-pods',
      cluster: 'primary-cluster',
      namespace: 'bookinfo',
      selector: 'app=nothing',
      radius: { count: 1 },
      gracePeriodSeconds: 0,
    };
    const error: unknown = await injectFault(ctx, 0, fault).catch((e: unknown) => e);
    expect(isDrillError(error) && error.code).toBe('DRILL_NO_TARGETS');
    expect(cluster.fake.mutatingRequests()).toEqual([]);
  });

  it('prepends a marker fault route to an existing VirtualService and removes exactly it', async () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: {
        hosts: ['reviews'],
        http: [{ name: 'default', route: [{ destination: { host: 'reviews' } }] }],
      },
    };
    cluster.fake.seed(vs);
    const ctx = await context('vs');
    await injectFault(ctx, 0, {
      type: 'istio-abort',
      cluster: 'primary-cluster',
      service: 'reviews',
      httpStatus: 503,
      percentage: 50,
    });
    const ref = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      namespace: 'bookinfo',
      name: 'reviews',
    };
    expect(cluster.fake.get(ref)?.spec).toMatchObject({
      http: [
        { name: 'okemesh-fault-vs', fault: { abort: { httpStatus: 503, percentage: { value: 50 } } } },
        { name: 'default' },
      ],
    });
    await revertAll(ctx.journal, ctx.deps);
    expect(cluster.fake.get(ref)?.spec).toEqual(vs.spec);
  });

  it('cuts 15443 with a NetworkPolicy on the east-west gateway pods and deletes it on revert', async () => {
    cluster.fake.seed(deployment('istio-system', 'istio-eastwestgateway', 1, { istio: 'eastwestgateway' }));
    await cluster.fake.settled();
    const ctx = await context('cut');
    await injectFault(ctx, 0, {
      type: 'cut-eastwest',
      cluster: 'primary-cluster',
      namespace: 'istio-system',
      port: 15443,
    });
    const [policy] = cluster.fake.list('networking.k8s.io/v1', 'NetworkPolicy', {
      namespace: 'istio-system',
    });
    expect(policy?.spec).toMatchObject({
      podSelector: { matchLabels: { istio: 'eastwestgateway' } },
      policyTypes: ['Ingress'],
    });
    expect(JSON.stringify(policy?.spec)).not.toContain('15443');
    await revertAll(ctx.journal, ctx.deps);
    expect(cluster.fake.list('networking.k8s.io/v1', 'NetworkPolicy', { namespace: 'istio-system' })).toEqual(
      [],
    );
  });

  it('cordons COUNT nodes and uncordons only those', async () => {
    const node = (n: string) =>
      (
        cluster.fake.get({ apiVersion: 'v1', kind: 'Node', name: n })?.spec as
          { unschedulable?: boolean } | undefined
      )?.unschedulable;
    const ctx = await context('cordon');
    await injectFault(ctx, 0, { type: 'cordon-nodes', cluster: 'primary-cluster', radius: { count: 2 } });
    const cordoned = ['primary-cluster-node-1', 'primary-cluster-node-2', 'primary-cluster-node-3'].filter(
      (n) => node(n) === true,
    );
    expect(cordoned).toHaveLength(2);
    await revertAll(ctx.journal, ctx.deps);
    expect(cordoned.map(node)).toEqual([false, false]);
  });

  it('dry run: server-side dryRun=All on every write, nothing persisted, plan recorded', async () => {
    cluster.fake.seed(deployment('bookinfo', 'productpage', 2));
    cluster.fake.clearRequests();
    const ctx = await context('dry', true);
    await injectFault(ctx, 0, {
      type: 'scale-deployment',
      cluster: 'primary-cluster',
      namespace: 'bookinfo',
      name: 'productpage',
    });
    await injectFault(ctx, 1, {
      type: 'cut-eastwest',
      cluster: 'primary-cluster',
      namespace: 'istio-system',
      port: 15443,
    });
    expect(cluster.fake.mutatingRequests()).toEqual([]);
    expect(cluster.fake.mutatingRequests({ includeDryRun: true }).map((r) => r.dryRun)).toEqual([true, true]);
    expect(ctx.journal.data.mutations).toEqual([]);
    expect(ctx.journal.data.plan).toEqual([
      expect.stringMatching(/scale Deployment bookinfo\/productpage .* from 2 to 0/),
      expect.stringMatching(/cut port 15443/),
    ]);
  });

  it('warns when Argo CD self-heal would undo the fault', async () => {
    cluster.fake.seed({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'bookinfo', namespace: 'argocd' },
      spec: { destination: { namespace: 'bookinfo' }, syncPolicy: { automated: { selfHeal: true } } },
    });
    const warnings = await selfHealWarnings(cluster.api, new Set(['bookinfo']));
    expect(warnings).toEqual([
      expect.stringMatching(/Argo CD Application argocd\/bookinfo self-heals namespace bookinfo/),
    ]);
    expect(await selfHealWarnings(cluster.api, new Set(['other']))).toEqual([]);
  });

  it('reports objects a lost drill left behind (drill-labelled)', async () => {
    expect(await orphanWarnings(cluster.api)).toEqual([]);
    cluster.fake.seed({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: 'okemesh-cut-eastwest-dead',
        namespace: 'istio-system',
        labels: { 'okemesh.io/drill': 'dead' },
      },
      spec: { podSelector: {} },
    });
    expect(await orphanWarnings(cluster.api)).toEqual([
      expect.stringMatching(
        /NetworkPolicy istio-system\/okemesh-cut-eastwest-dead in primary-cluster was left by drill dead/,
      ),
    ]);
    cluster.fake.remove({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      namespace: 'istio-system',
      name: 'okemesh-cut-eastwest-dead',
    });
  });
});
