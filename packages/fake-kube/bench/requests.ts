// Request-handling benchmark: per-request cost of typical verbs against the fake, as ratios to GET /healthz
// (TLS + HTTP only, no auth, no store) measured in the same run on the same keep-alive connection.
// Imports the package by name: the built dist at run time, the source for typecheck (customConditions).
import { Agent, request } from 'node:https';
import { startFakeKube } from '@okemesh/fake-kube';

const RUNS = Number(process.env.BENCH_RUNS ?? 400);
const fake = await startFakeKube({ name: 'bench' });
const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: fake.caPem });

function call(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${fake.token}` };
    if (body !== undefined) headers['content-type'] = contentType;
    const req = request(`${fake.server}${path}`, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function median(label: string, op: (i: number) => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const status = await op(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (status >= 300) throw new Error(`${label}: HTTP ${status}`);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] ?? 0;
}

fake.seed(
  ...Array.from({ length: 1000 }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${i}`, namespace: 'default', labels: { shard: String(i % 10) } },
  })),
);
fake.seed({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'cacerts', namespace: 'default' },
  data: { a: 'Yg==' },
});

const cases: [string, (i: number) => Promise<number>][] = [
  ['GET /healthz (baseline)', () => call('GET', '/healthz')],
  ['GET secret', () => call('GET', '/api/v1/namespaces/default/secrets/cacerts')],
  [
    'create secret',
    (i) => call('POST', '/api/v1/namespaces/default/secrets', { metadata: { name: `s-${i}` } }),
  ],
  [
    'merge-patch secret',
    (i) =>
      call(
        'PATCH',
        '/api/v1/namespaces/default/secrets/cacerts',
        { metadata: { labels: { i: String(i) } } },
        'application/merge-patch+json',
      ),
  ],
  [
    'dry-run create',
    (i) => call('POST', '/api/v1/namespaces/default/secrets?dryRun=All', { metadata: { name: `d-${i}` } }),
  ],
  [
    'list 1000 configmaps, selector shard=3',
    () => call('GET', '/api/v1/namespaces/default/configmaps?labelSelector=shard%3D3'),
  ],
  ['list 1000 configmaps, limit=50', () => call('GET', '/api/v1/namespaces/default/configmaps?limit=50')],
];

const results: [string, number][] = [];
for (const [label, op] of cases) results.push([label, await median(label, op)]);
const baseline = results[0]?.[1] ?? 1;
console.log(`fake-kube request bench: median of ${RUNS} sequential requests, one keep-alive TLS connection`);
for (const [label, ms] of results)
  console.log(`${label.padEnd(40)} ${ms.toFixed(3).padStart(8)} ms  ${(ms / baseline).toFixed(2)}x`);
agent.destroy();
await fake.close();
