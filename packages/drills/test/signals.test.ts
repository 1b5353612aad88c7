import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recoverFromJournal } from '../src/runner/recover.js';
import { bundleChild } from './child-bundle.js';
import { DrillApp } from './drill-app.js';
import { shortDrill, topologyWith } from './drill-fixture.js';
import { deployment, fakeCluster, type FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster;
let app: DrillApp;
let dir: string;
let child: string;
const REVIEWS = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo', name: 'reviews' };
const LEASE = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  namespace: 'kube-system',
  name: 'okemesh-drill',
};

beforeAll(async () => {
  [cluster, app, dir, child] = await Promise.all([
    fakeCluster('primary-cluster'),
    new DrillApp().start(),
    mkdtemp(join(tmpdir(), 'okemesh-signals-')),
    bundleChild('drill-child.ts'),
  ]);
  await cluster.fake.writeKubeconfig(join(dir, 'kubeconfig'), { context: 'primary-cluster-context' });
}, 60_000);
afterAll(async () => {
  await app.close();
  await cluster.fake.close();
});
beforeEach(async () => {
  cluster.fake.seed(deployment('bookinfo', 'reviews', 3));
  cluster.fake.remove(LEASE);
  await cluster.fake.settled();
});

const replicas = () => (cluster.fake.get(REVIEWS)?.spec as { replicas: number }).replicas;

async function startChild(name: string): Promise<{
  proc: ChildProcess;
  injected: Promise<void>;
  exit: Promise<number | null>;
  journalPath: string;
  output: () => string;
}> {
  const topology = await topologyWith();
  const journalPath = join(dir, `${name}.json`);
  const inputPath = join(dir, `${name}-input.json`);
  const input = {
    kubeconfig: join(dir, 'kubeconfig'),
    context: 'primary-cluster-context',
    topology,
    drill: shortDrill(topology, app.url, { hold: '30s' }),
    journalPath,
  };
  await writeFile(inputPath, JSON.stringify(input));
  const proc = spawn(process.execPath, [child, inputPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const injected = new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('INJECTED')) resolve();
    });
    proc.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.once('exit', () => reject(new Error(`child exited before injecting:\n${out}`)));
  });
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, injected, exit, journalPath, output: () => out };
}

describe('every exit path reverts: signals to a child process running a drill', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s: rolls back, releases the lock, exits 3', async (signal) => {
    const c = await startChild(signal.toLowerCase());
    await c.injected;
    expect(replicas()).toBe(0);
    c.proc.kill(signal);
    expect(await c.exit).toBe(3);
    expect(c.output()).toContain(`OUTCOME aborted interrupted (${signal})`);
    expect(replicas()).toBe(3);
    expect(cluster.fake.get(LEASE)).toBeUndefined();
    const journal = JSON.parse(await readFile(c.journalPath, 'utf8')) as {
      status: string;
      mutations: { state: string }[];
    };
    expect(journal.status).toBe('aborted');
    expect(journal.mutations.map((m) => m.state)).toEqual(['reverted']);
  });

  it('SIGKILL leaves the fault in place; recover reverts it from the journal and frees the lock', async () => {
    const c = await startChild('sigkill');
    await c.injected;
    c.proc.kill('SIGKILL');
    await c.exit;
    expect(replicas()).toBe(0);
    expect(cluster.fake.get(LEASE)).toBeDefined();
    const report = await recoverFromJournal(c.journalPath, {
      apis: new Map([['primary-cluster', cluster.api]]),
    });
    expect(report.failures).toEqual([]);
    expect(report.reverted).toEqual([
      expect.stringMatching(/scale Deployment bookinfo\/reviews in primary-cluster from 3 to 0/),
    ]);
    expect(report.releasedLocks).toEqual(['primary-cluster']);
    expect(replicas()).toBe(3);
    expect(cluster.fake.get(LEASE)).toBeUndefined();
    const journal = JSON.parse(await readFile(c.journalPath, 'utf8')) as { status: string };
    expect(journal.status).toBe('recovered');
  });
});
