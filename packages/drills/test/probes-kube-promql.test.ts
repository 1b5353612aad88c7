import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeProbe } from '../src/analysis/probe-summary.js';
import { sleep } from '../src/clock.js';
import { startKubeReadyProbe } from '../src/probe/kube-ready-prober.js';
import { instantValue, startPromqlProbe } from '../src/probe/promql-prober.js';
import { deployment, fakeCluster, type FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster;
let prometheus: Server;
let promUrl: string;
let errorRate = 0.001;
const queries: string[] = [];

beforeAll(async () => {
  cluster = await fakeCluster('primary-cluster');
  prometheus = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    queries.push(`${url.pathname}?${url.searchParams.get('query') ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: {}, value: [Date.now() / 1000, String(errorRate)] }],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => prometheus.listen(0, '127.0.0.1', resolve));
  promUrl = `http://127.0.0.1:${(prometheus.address() as AddressInfo).port}`;
});
afterAll(async () => {
  prometheus.close();
  await cluster.fake.close();
});

describe('Kubernetes readiness probe', () => {
  it('fails while the Deployment has fewer Ready replicas than required, over the real API', async () => {
    cluster.fake.seed(deployment('bookinfo', 'ratings', 2));
    await cluster.fake.settled();
    const probe = startKubeReadyProbe({
      api: cluster.api,
      namespace: 'bookinfo',
      deployment: 'ratings',
      minReady: 2,
      rate: 20,
    });
    await sleep(300);
    await cluster.api.patch(
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo', name: 'ratings' },
      { spec: { replicas: 1 } },
      false,
    );
    await sleep(400);
    const summary = summarizeProbe(await probe.stop());
    expect(summary.ok).toBeGreaterThan(2);
    expect(summary.failed).toBeGreaterThan(2);
    expect(summary.outages).toHaveLength(1);
    expect(summary.outages[0]?.end).toBeNull();
  });
});

describe('PromQL threshold probe', () => {
  it('evaluates an instant query against the threshold at a fixed rate', async () => {
    const probe = startPromqlProbe({
      url: promUrl,
      query: 'sum(rate(istio_requests_total{response_code=~"5.."}[1m]))',
      comparator: '<',
      threshold: 0.01,
      rate: 20,
    });
    await sleep(300);
    errorRate = 0.5;
    await sleep(300);
    const run = await probe.stop();
    expect(run.kind).toBe('promql');
    expect(queries[0]).toBe('/api/v1/query?sum(rate(istio_requests_total{response_code=~"5.."}[1m]))');
    expect(run.samples.some((s) => s.ok)).toBe(true);
    expect(run.samples.at(-1)?.ok).toBe(false);
  });

  it('reads scalar and single-sample vector results only', () => {
    expect(instantValue({ status: 'success', data: { resultType: 'scalar', result: [1, '0.25'] } })).toBe(
      0.25,
    );
    expect(instantValue({ status: 'success', data: { resultType: 'vector', result: [] } })).toBeUndefined();
    expect(
      instantValue({
        status: 'success',
        data: { resultType: 'vector', result: [{ value: [1, '1'] }, { value: [1, '2'] }] },
      }),
    ).toBeUndefined();
    expect(instantValue({ status: 'error' })).toBeUndefined();
  });
});
