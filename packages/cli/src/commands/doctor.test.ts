import { startFakeKube, type FakeKube } from '@okemesh/fake-kube';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { run } from '../run.js';

let fake: FakeKube;
let kubeconfig: string;

beforeAll(async () => {
  fake = await startFakeKube({ name: 'primary-cluster', namespaces: ['istio-system'] });
  fake.seed({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'istio-eastwestgateway', namespace: 'istio-system' },
    spec: { type: 'LoadBalancer', ports: [{ name: 'tls', port: 15443 }] },
  });
  fake.setLoadBalancerIngress('istio-system', 'istio-eastwestgateway', [{ ip: '203.0.113.7' }]);
  kubeconfig = join(await mkdtemp(join(tmpdir(), 'okemesh-doctor-cli-')), 'kubeconfig');
  await fake.writeKubeconfig(kubeconfig, { context: 'primary-cluster-context' });
});
afterAll(async () => fake.close());

describe('okemesh doctor', () => {
  it('reports per-cluster findings and exits 1 when checks fail', async () => {
    const out: string[] = [];
    const io: Io = {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      color: false,
      cwd: process.cwd(),
      env: {},
    };
    const code = await run(['doctor', '--kubeconfig', kubeconfig, '--json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(out.join('')) as {
      healthy: boolean;
      findings: { check: string; cluster: string | null; status: string; message: string }[];
    };
    expect(report.healthy).toBe(false);
    const find = (check: string, cluster: string | null) =>
      report.findings.find((f) => f.check === check && f.cluster === cluster);
    expect(find('eastwest-address', 'primary-cluster')).toMatchObject({
      status: 'ok',
      message: 'east-west gateway at 203.0.113.7',
    });
    expect(find('istiod-ready', 'primary-cluster')).toMatchObject({
      status: 'fail',
      message: 'Deployment istio-system/istiod-1-30-3 not found',
    });
    expect(find('istiod-ready', 'secondary-cluster')?.status).toBe('fail');
    expect(find('rpc-peering', null)?.status).toBe('skipped');
  });
});
