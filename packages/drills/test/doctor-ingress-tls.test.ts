import { KubeConfig } from '@kubernetes/client-node';
import { startFakeKube, type FakeKube } from '@okemesh/fake-kube';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslOk } from '@okemesh/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../src/doctor/doctor.js';
import { ingressTls } from '../src/doctor/kube-checks.js';
import { clientNodeApi } from '../src/kube/client-node-api.js';
import type { KubeApi } from '../src/kube/object.js';
import { topologyWith } from './drill-fixture.js';

/** Needs openssl (Debian package `openssl`). */
const openssl = (...args: string[]) => opensslOk(args);
const DAY = 86_400_000;
let fake: FakeKube;
let api: KubeApi;
let cert: { crt: string; key: string };

async function selfSigned(dir: string, days: number) {
  const [crt, key] = [join(dir, 'tls.crt'), join(dir, 'tls.key')];
  await openssl(
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
    ...['-keyout', key, '-out', crt, '-days', String(days), '-subj', '/CN=bookinfo.example.com'],
  );
  return { crt: await readFile(crt, 'utf8'), key: await readFile(key, 'utf8') };
}

function tlsSecret(name: string, data: Record<string, string>) {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/tls',
    metadata: { name, namespace: 'istio-system' },
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
  };
}

beforeAll(async () => {
  fake = await startFakeKube({ name: 'primary-cluster', namespaces: ['istio-system'], crds: [] });
  const config = new KubeConfig();
  config.loadFromString(fake.kubeconfigYaml());
  api = await clientNodeApi('primary-cluster', config);
  cert = await selfSigned(await mkdtemp(join(tmpdir(), 'okemesh-ingress-tls-')), 90);
  fake.seed(
    tlsSecret('good-tls', { 'tls.crt': cert.crt, 'tls.key': cert.key }),
    tlsSecret('no-key-tls', { 'tls.crt': cert.crt }),
  );
}, 30_000);
afterAll(async () => fake.close());

describe('doctor ingress-tls: the Gateway credentialName Secret the bundle cannot carry', () => {
  it('fails when the Secret is missing and names the runbook step', async () => {
    const finding = await ingressTls(api, 'missing-tls', new Date());
    expect(finding).toMatchObject({ check: 'ingress-tls', status: 'fail' });
    expect(finding.message).toContain('Create the ingress TLS Secret');
  });

  it('fails without tls.key, is ok with a valid pair, warns within 30 days, fails once expired', async () => {
    expect((await ingressTls(api, 'no-key-tls', new Date())).status).toBe('fail');
    expect((await ingressTls(api, 'good-tls', new Date())).status).toBe('ok');
    expect((await ingressTls(api, 'good-tls', new Date(Date.now() + 75 * DAY))).status).toBe('warn');
    expect((await ingressTls(api, 'good-tls', new Date(Date.now() + 120 * DAY))).status).toBe('fail');
  });

  it('runDoctor checks the topology ingress secret in every reachable cluster', async () => {
    const topology = await topologyWith();
    const name = topology.spec.ingress?.tlsSecret as string;
    const findings = await runDoctor({ topology, apis: new Map([['primary-cluster', api]]) });
    expect(findings.find((f) => f.check === 'ingress-tls')).toMatchObject({
      cluster: 'primary-cluster',
      status: 'fail',
      message: expect.stringContaining(`istio-system/${name} not found`),
    });
  });
});
