import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { now } from '../src/clock.js';
import { runDrill } from '../src/runner/run-drill.js';
import { DrillApp } from './drill-app.js';
import { FakeClock } from './fake-clock.js';
import { deployment, fakeCluster, readyPods, type FakeCluster } from './fake-cluster.js';
import { shortDrill, topologyWith } from './drill-fixture.js';

let cluster: FakeCluster;
let app: DrillApp;
let dir: string;
const LEASE = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  namespace: 'kube-system',
  name: 'okemesh-drill',
};
const REVIEWS = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo', name: 'reviews' };

beforeAll(async () => {
  cluster = await fakeCluster('primary-cluster');
  app = await new DrillApp().start();
  dir = await mkdtemp(join(tmpdir(), 'okemesh-run-'));
});
afterAll(async () => {
  await app.close();
  await cluster.fake.close();
});
beforeEach(async () => {
  cluster.fake.seed(deployment('bookinfo', 'reviews', 3));
  cluster.fake.remove(LEASE);
  app.failFor(0);
  await cluster.fake.settled();
});

const deps = () => ({ apis: new Map([['primary-cluster', cluster.api]]) });
const replicas = () => (cluster.fake.get(REVIEWS)?.spec as { replicas: number }).replicas;

describe('runDrill against the fake API and a real HTTP service', () => {
  it('measures RTO, passes the SLO, reverts, releases the lock and journals everything', async () => {
    const topology = await topologyWith();
    const journalPath = join(dir, 'pass.json');
    let replicasDuringHold = -1;
    let failingFrom = 0;
    const progress: string[] = [];
    const run = await runDrill({
      drill: shortDrill(topology, app.url, { hold: '1200ms' }),
      topology,
      deps: deps(),
      journalPath,
      onInjected: () => {
        replicasDuringHold = replicas();
        failingFrom = now();
        app.failFor(300);
      },
      onProgress: (p) => progress.push(p.phase),
    });
    expect(run.exitCode).toBe(0);
    expect(run.result.outcome).toBe('pass');
    expect(replicasDuringHold).toBe(0);
    const [recovery] = run.result.recoveries;
    // True RTO: the service failed from `failingFrom` for 300 ms; the fault started at T_f.
    const trueRto = failingFrom + 300 - (run.result.faultStart ?? 0);
    expect(Math.abs((recovery?.rtoMs ?? 0) - trueRto)).toBeLessThanOrEqual(1_000 / 100 + 20);
    expect(recovery?.outageMs).toBeGreaterThan(250);
    expect(replicas()).toBe(3);
    await cluster.fake.settled();
    expect(readyPods(cluster.fake, 'bookinfo', 'reviews')).toBe(3);
    expect(cluster.fake.get(LEASE)).toBeUndefined();
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as {
      status: string;
      mutations: { state: string }[];
      phases: { phase: string }[];
      result: { outcome: string };
    };
    expect(journal.status).toBe('completed');
    expect(journal.mutations.map((m) => m.state)).toEqual(['reverted']);
    expect(journal.phases.map((p) => p.phase)).toEqual([
      'preflight',
      'steady-state',
      'inject',
      'hold',
      'revert',
      'verify',
      'report',
    ]);
    expect(journal.result.outcome).toBe('pass');
    expect(progress).toContain('hold');
  });

  it('fails (exit 1) when recovery takes longer than the RTO SLO', async () => {
    const topology = await topologyWith({ rto: '100ms' });
    const run = await runDrill({
      drill: shortDrill(topology, app.url),
      topology,
      deps: deps(),
      journalPath: join(dir, 'fail.json'),
      onInjected: () => app.failFor(400),
    });
    expect(run.exitCode).toBe(1);
    expect(run.result.checks[0]).toMatchObject({ slo: 'rto', pass: false });
    expect(replicas()).toBe(3);
  });

  it('aborts (exit 3) on the abort rule and still reverts', async () => {
    const topology = await topologyWith();
    const drill = shortDrill(topology, app.url, {
      hold: '5s',
      abort: { successBelow: 90, window: '200ms', probes: ['journey'] },
    });
    const run = await runDrill({
      drill,
      topology,
      deps: deps(),
      journalPath: join(dir, 'abort.json'),
      onInjected: () => app.failFor(3_000),
    });
    expect(run.exitCode).toBe(3);
    expect(run.result.reason).toMatch(/abort rule: guard probe journey below 90 %/);
    expect(replicas()).toBe(3);
  });

  it('aborts at the max duration (exit 3) and reverts', async () => {
    const topology = await topologyWith();
    // On a fake clock: the 30 s hold is cut at the 1 s max duration without a wall-clock assertion.
    const clock = new FakeClock();
    const run = await clock.runUntil(
      runDrill({
        drill: shortDrill(topology, app.url, { hold: '30s', maxDuration: '1s' }),
        topology,
        deps: deps(),
        journalPath: join(dir, 'max.json'),
        clock,
      }),
    );
    expect(run.exitCode).toBe(3);
    expect(run.result.reason).toBe('max duration 1s reached');
    expect(run.result.faultEnd).toBeGreaterThanOrEqual(run.result.startedAt + 1_000);
    expect(run.result.faultEnd).toBeLessThan((run.result.faultStart ?? 0) + 30_000);
    expect(replicas()).toBe(3);
  });

  it('aborts on the caller signal (SIGINT wiring) and reverts', async () => {
    const topology = await topologyWith();
    const controller = new AbortController();
    const run = await runDrill({
      drill: shortDrill(topology, app.url, { hold: '10s' }),
      topology,
      deps: deps(),
      journalPath: join(dir, 'signal.json'),
      signal: controller.signal,
      onInjected: () => void setTimeout(() => controller.abort('SIGINT'), 100),
    });
    expect(run.exitCode).toBe(3);
    expect(run.result.reason).toBe('interrupted (SIGINT)');
    expect(replicas()).toBe(3);
  });

  it('refuses to run while another drill holds the cluster lock, even an expired one (exit 5, nothing mutated, no RTO)', async () => {
    const topology = await topologyWith();
    for (const [age, state] of [
      [0, 'which is running'],
      [600_000, 'which is not alive'],
    ] as const) {
      const stamp = new Date(Date.now() - age).toISOString().replace('Z', '000Z');
      cluster.fake.seed({
        ...LEASE,
        metadata: {
          name: LEASE.name,
          namespace: LEASE.namespace,
          annotations: { 'okemesh.io/drill-journal': '/runs/other.json' },
        },
        spec: {
          holderIdentity: 'other-drill',
          leaseDurationSeconds: 60,
          renewTime: stamp,
          acquireTime: stamp,
        },
      } as never);
      cluster.fake.clearRequests();
      const run = await runDrill({
        drill: shortDrill(topology, app.url),
        topology,
        deps: deps(),
        journalPath: join(dir, `locked-${age}.json`),
      });
      expect(run.exitCode).toBe(5);
      expect(run.result.reason).toMatch(
        new RegExp(`DRILL_LOCKED: cluster primary-cluster is locked by drill "other-drill", ${state}`),
      );
      expect(run.result.reason).toContain('/runs/other.json');
      expect(run.result).toMatchObject({ faultStart: null, recoveries: [], checks: [], outcome: 'error' });
      expect(cluster.fake.mutatingRequests().filter((r) => !r.path.includes('/leases'))).toEqual([]);
      expect(cluster.fake.get(LEASE)?.spec).toMatchObject({ holderIdentity: 'other-drill' });
      cluster.fake.remove(LEASE);
    }
  });

  it('dry run plans without mutating (exit 0)', async () => {
    const topology = await topologyWith();
    cluster.fake.clearRequests();
    const run = await runDrill({
      drill: shortDrill(topology, app.url),
      topology,
      deps: deps(),
      journalPath: join(dir, 'dry.json'),
      dryRun: true,
    });
    expect(run.exitCode).toBe(0);
    expect(run.result.reason).toMatch(/dry run: 1 step\(s\) planned/);
    expect(cluster.fake.mutatingRequests()).toEqual([]);
    expect(run.journal.data.plan[0]).toMatch(
      /scale Deployment bookinfo\/reviews in primary-cluster from 3 to 0/,
    );
  });
});
