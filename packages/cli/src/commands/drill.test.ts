import { KubeConfig } from '@kubernetes/client-node';
import { startFakeKube, type FakeKube } from '@okemesh/fake-kube';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { run } from '../run.js';

function bufferIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, cwd, env: {} };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

let fake: FakeKube;
let app: Server;
let url: string;
let dir: string;
const REVIEWS = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo', name: 'reviews' };

beforeAll(async () => {
  fake = await startFakeKube({
    name: 'primary-cluster',
    namespaces: ['bookinfo'],
    controllers: { podReadyDelayMs: 10 },
  });
  const labels = { app: 'reviews' };
  fake.seed({
    ...REVIEWS,
    metadata: { name: 'reviews', namespace: 'bookinfo', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'r', image: 'r:1' }] } },
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'okemesh-cli-drill-'));
  await fake.writeKubeconfig(join(dir, 'kubeconfig'), { context: 'primary-cluster-context' });
  app = createServer((_req, res) => res.writeHead(200).end('ok'));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
  await writeFile(
    join(dir, 'reviews.yaml'),
    [
      'apiVersion: okemesh.io/v1alpha1',
      'kind: Drill',
      'metadata: { name: reviews-down }',
      'spec:',
      '  steadyState: { duration: 200ms }',
      `  probes: [{ type: http, name: journey, url: "${url}", rate: 50 }]`,
      '  faults: [{ type: scale-deployment, cluster: primary-cluster, namespace: bookinfo, name: reviews }]',
      '  hold: 300ms',
      '  recovery: { sustain: 100ms }',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  app.closeAllConnections();
  app.close();
  await fake.close();
});

const replicas = () => (fake.get(REVIEWS)?.spec as { replicas: number }).replicas;

describe('okemesh drill', () => {
  it('lists the built-in scenarios for the topology', async () => {
    const buf = bufferIo(dir);
    expect(await run(['drill', 'list', '--json'], buf.io)).toBe(0);
    const rows = JSON.parse(buf.out()) as { scenario: string; available: boolean }[];
    expect(rows.map((r) => [r.scenario, r.available])).toEqual([
      ['ingress-failure', true],
      ['east-west-failure', true],
      ['database-failover', false],
      ['full-region', true],
    ]);
  });

  it('with --writer, database-failover is available and measures RTO and RPO', async () => {
    await writeFile(
      join(dir, 'writer.yaml'),
      'driver: postgres\nprimary: { host: db-a.internal }\nstandby: { host: db-b.internal }\nuser: okemesh_writer\npasswordEnv: PGPASSWORD\n',
    );
    const buf = bufferIo(dir);
    expect(await run(['drill', 'list', '--writer', 'writer.yaml', '--json'], buf.io)).toBe(0);
    const rows = JSON.parse(buf.out()) as { scenario: string; available: boolean; measures: string[] }[];
    expect(rows.find((r) => r.scenario === 'database-failover')).toMatchObject({
      available: true,
      measures: ['RTO', 'RPO'],
    });
    const text = bufferIo(dir);
    expect(await run(['drill', 'list'], text.io)).toBe(0);
    expect(text.out()).toMatch(/database-failover\s+n\/a\s+RTO\s/);
    const plan = bufferIo(dir);
    expect(
      await run(['drill', 'plan', 'database-failover', '--writer', 'writer.yaml', '--url', url], plan.io),
    ).toBe(0);
    expect(plan.out()).toContain('type: postgres-promote');
    expect(plan.out()).toContain('passwordEnv: PGPASSWORD');
  });

  it('plans a scenario as YAML without touching a cluster', async () => {
    const buf = bufferIo(dir);
    expect(await run(['drill', 'plan', 'ingress-failure', '--url', 'https://app.example.com/'], buf.io)).toBe(
      0,
    );
    expect(buf.out()).toContain('name: istio-ingressgateway');
    expect(buf.out()).toContain('rto: dnsFailover');
    expect(await run(['drill', 'plan', 'bogus'], bufferIo(dir).io)).toBe(2);
  });

  it('a drill file takes --hold and refuses --cluster / --url, which only shape built-in scenarios', async () => {
    const held = bufferIo(dir);
    expect(await run(['drill', 'plan', 'reviews.yaml', '--hold', '2s', '--json'], held.io)).toBe(0);
    expect((JSON.parse(held.out()) as { spec: { hold: string } }).spec.hold).toBe('2s');
    for (const flag of [
      ['--cluster', 'secondary-cluster'],
      ['--url', 'https://x.example/'],
    ]) {
      for (const command of ['plan', 'run']) {
        const buf = bufferIo(dir);
        expect(await run(['drill', command, 'reviews.yaml', ...flag], buf.io)).toBe(2);
        expect(buf.err()).toContain(`${flag[0]} shapes a built-in scenario; reviews.yaml names its own`);
      }
    }
    const bad = bufferIo(dir);
    expect(await run(['drill', 'plan', 'reviews.yaml', '--hold', 'soon'], bad.io)).toBe(2);
    expect(bad.err()).toContain('--hold soon is not a duration');
  });

  it('dry-runs against the cluster: plan printed, nothing mutated', async () => {
    fake.clearRequests();
    const buf = bufferIo(dir);
    const code = await run(
      ['drill', 'run', 'reviews.yaml', '--kubeconfig', join(dir, 'kubeconfig'), '--out', 'out', '--dry-run'],
      buf.io,
    );
    expect(code).toBe(0);
    expect(buf.out()).toContain('plan: scale Deployment bookinfo/reviews in primary-cluster from 2 to 0');
    expect(fake.mutatingRequests()).toEqual([]);
  });

  it('runs a drill for real, reverts, writes journal and reports; report re-renders them', async () => {
    const buf = bufferIo(dir);
    const code = await run(
      ['drill', 'run', 'reviews.yaml', '--kubeconfig', join(dir, 'kubeconfig'), '--out', 'runs'],
      buf.io,
    );
    expect(code, buf.err()).toBe(0);
    expect(buf.out()).toMatch(/^PASS reviews-down: all 1 SLO check\(s\) met/);
    expect(buf.err()).toMatch(/hold|steady-state/);
    expect(replicas()).toBe(2);
    const [runDir] = await readdir(join(dir, 'runs'));
    const files = await readdir(join(dir, 'runs', runDir ?? ''));
    expect(files.sort()).toEqual(['journal.json', 'junit.xml', 'report.md', 'timeline.svg']);
    const journal = join('runs', runDir ?? '', 'journal.json');
    const junit = bufferIo(dir);
    expect(await run(['drill', 'report', journal, '--format', 'junit'], junit.io)).toBe(0);
    expect(junit.out()).toContain('<testcase classname="okemesh.drill.reviews-down" name="rto"');
    const md = bufferIo(dir);
    expect(await run(['drill', 'report', journal], md.io)).toBe(0);
    expect(md.out()).toContain('# Drill reviews-down: PASS');
    expect(JSON.parse(await readFile(join(dir, journal), 'utf8'))).toMatchObject({ status: 'completed' });
  });

  it('recovers a journal a killed drill left behind', async () => {
    const config = new KubeConfig();
    config.loadFromString(fake.kubeconfigYaml());
    const drills = await import('@okemesh/drills');
    const journal = await drills.Journal.create(join(dir, 'crashed.json'), {
      drill: 'x',
      scenario: null,
      topology: 'bookinfo',
      dryRun: false,
    });
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo', name: 'reviews' };
    await journal.begin(0, 'scale reviews to 0', null, {
      type: 'restore-replicas',
      cluster: 'primary-cluster',
      ref,
      replicas: 2,
    });
    await (
      await drills.clientNodeApi('primary-cluster', config)
    ).patch(ref, { spec: { replicas: 0 } }, false);
    const buf = bufferIo(dir);
    expect(
      await run(['drill', 'recover', 'crashed.json', '--kubeconfig', join(dir, 'kubeconfig')], buf.io),
    ).toBe(0);
    expect(buf.out()).toContain('1 mutation(s) reverted');
    expect(replicas()).toBe(2);
  });

  it('renders a CronJob for scheduled in-cluster drills', async () => {
    const buf = bufferIo(dir);
    expect(
      await run(
        [
          'drill',
          'schedule',
          'east-west-failure',
          '--schedule',
          '0 3 * * 1',
          '--image',
          'ghcr.io/okemesh/cli:0.1.0',
        ],
        buf.io,
      ),
    ).toBe(0);
    expect(buf.out()).toContain('kind: CronJob');
    expect(buf.out()).toContain('concurrencyPolicy: Forbid');
  });
});
