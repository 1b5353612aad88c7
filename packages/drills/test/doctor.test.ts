import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslOk } from '@okemesh/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../src/doctor/doctor.js';
import type { OciHealth } from '../src/doctor/finding.js';
import { topologyWith } from './drill-fixture.js';
import { deployment, fakeCluster, type FakeCluster } from './fake-cluster.js';

const openssl = (...args: string[]) => opensslOk(args);
let dir: string;
let primary: FakeCluster;
let secondary: FakeCluster;

async function ca(name: string, days: number, root = 'root'): Promise<{ root: string; ca: string }> {
  const p = (f: string) => join(dir, f);
  await openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    p(`${name}.key`),
    '-out',
    p(`${name}.csr`),
    '-subj',
    `/CN=${name}`,
  );
  await writeFile(p('ext.cnf'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  await openssl(
    'x509',
    '-req',
    '-in',
    p(`${name}.csr`),
    '-CA',
    p(`${root}.pem`),
    '-CAkey',
    p(`${root}.key`),
    '-CAcreateserial',
    '-out',
    p(`${name}.pem`),
    '-days',
    String(days),
    '-extfile',
    p('ext.cnf'),
  );
  return { root: await readFile(p(`${root}.pem`), 'utf8'), ca: await readFile(p(`${name}.pem`), 'utf8') };
}

async function newRoot(name: string): Promise<void> {
  await openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, `${name}.key`),
    '-out',
    join(dir, `${name}.pem`),
    '-days',
    '3650',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
  );
}

function cacerts(pair: { root: string; ca: string }) {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'cacerts', namespace: 'istio-system' },
    data: { 'root-cert.pem': b64(pair.root), 'ca-cert.pem': b64(pair.ca) },
  };
}

function remoteSecret(peer: string) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `istio-remote-secret-${peer}`,
      namespace: 'istio-system',
      labels: { 'istio/multiCluster': 'true' },
    },
    data: {},
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'okemesh-doctor-'));
  [primary, secondary] = await Promise.all([
    fakeCluster('primary-cluster', ['istio-system']),
    fakeCluster('secondary-cluster', ['istio-system']),
  ]);
  await newRoot('root');
  const [a, b] = [await ca('ca-a', 365), await ca('ca-b', 10)];
  primary.fake.seed(
    deployment('istio-system', 'istiod-1-30-3', 2, { app: 'istiod' }),
    cacerts(a),
    remoteSecret('secondary-cluster'),
  );
  primary.fake.seed({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'istio-eastwestgateway', namespace: 'istio-system' },
    spec: { type: 'LoadBalancer', ports: [{ name: 'tls', port: 15443 }] },
  });
  primary.fake.setLoadBalancerIngress('istio-system', 'istio-eastwestgateway', [{ ip: '203.0.113.10' }]);
  secondary.fake.seed(deployment('istio-system', 'istiod-1-30-3', 1, { app: 'istiod' }), cacerts(b));
  secondary.fake.seed({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'istio-eastwestgateway', namespace: 'istio-system' },
    spec: { type: 'LoadBalancer', ports: [{ name: 'tls', port: 15443 }] },
  });
  await Promise.all([primary.fake.settled(), secondary.fake.settled()]);
}, 30_000);
afterAll(async () => Promise.all([primary.fake.close(), secondary.fake.close()]));

const oci: OciHealth = {
  remotePeerings: async () => [
    { name: 'rpc-sanjose-chicago', region: 'us-sanjose-1', status: 'PEERED' },
    { name: 'rpc-chicago-sanjose', region: 'us-chicago-1', status: 'PENDING' },
  ],
  steering: async () => [{ policy: 'app-failover', answer: 'us-sanjose-1', healthy: true }],
};

describe('okemesh doctor checks against fake clusters', () => {
  it('reports each check per cluster', async () => {
    const topology = await topologyWith();
    const apis = new Map([
      ['primary-cluster', primary.api],
      ['secondary-cluster', secondary.api],
    ]);
    const findings = await runDoctor({ topology, apis, oci });
    const by = (check: string, cluster: string | null) =>
      findings.filter((f) => f.check === check && f.cluster === cluster).map((f) => f.status);
    expect(by('istiod-ready', 'primary-cluster')).toEqual(['ok']);
    expect(by('istiod-ready', 'secondary-cluster')).toEqual(['ok']);
    expect(by('eastwest-address', 'primary-cluster')).toEqual(['ok']);
    expect(by('eastwest-address', 'secondary-cluster')).toEqual(['fail']);
    expect(by('remote-secrets', 'primary-cluster')).toEqual(['ok']);
    expect(
      findings.find((f) => f.check === 'remote-secrets' && f.cluster === 'secondary-cluster')?.message,
    ).toBe('missing remote secret(s) for primary-cluster');
    expect(by('cacerts', 'primary-cluster')).toEqual(['ok']);
    expect(by('cacerts', 'secondary-cluster')).toEqual(['warn']);
    expect(by('cacerts', null)).toEqual([]);
    expect(by('rpc-peering', null)).toEqual(['ok', 'fail']);
    expect(by('steering', null)).toEqual(['ok']);
  });

  it('fails when the clusters do not share one root, and skips OCI checks without credentials', async () => {
    await newRoot('other-root');
    secondary.fake.seed(cacerts(await ca('ca-c', 365, 'other-root')));
    const topology = await topologyWith();
    const findings = await runDoctor({
      topology,
      apis: new Map([
        ['primary-cluster', primary.api],
        ['secondary-cluster', secondary.api],
      ]),
    });
    expect(findings.find((f) => f.check === 'cacerts' && f.cluster === null)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/do not share one root/),
    });
    expect(findings.filter((f) => f.status === 'skipped').map((f) => f.check)).toEqual([
      'rpc-peering',
      'steering',
    ]);
  });
});
