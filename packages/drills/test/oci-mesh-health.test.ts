import { FakeOci } from '@okemesh/fake-oci';
import { ociApiKey } from '@okemesh/test-support';
import { ociMeshHealth } from '@okemesh/oci-network';
import { SimpleAuthenticationDetailsProvider } from 'oci-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../src/doctor/doctor.js';
import { topologyWith } from './drill-fixture.js';

const TENANCY = 'ocid1.tenancy.oc1..aaaatenancy';
const USER = 'ocid1.user.oc1..aaaauser';
const FINGERPRINT = '11:22:33';
let fake: FakeOci;
let provider: SimpleAuthenticationDetailsProvider;

beforeAll(async () => {
  const { privateKeyPem: privateKey, publicKeyPem: publicKey } = ociApiKey();
  fake = new FakeOci({ publicKeys: { [`${TENANCY}/${USER}/${FINGERPRINT}`]: publicKey } });
  await fake.start();
  provider = new SimpleAuthenticationDetailsProvider(TENANCY, USER, FINGERPRINT, privateKey, null);
});
afterAll(async () => fake.stop());

describe('OCI side of the doctor through the real SDK clients against fake-oci', () => {
  it('reports RPC peering status per region and steering policy health', async () => {
    const topology = await topologyWith();
    const compartment = topology.spec.clusters[0]?.compartment ?? '';
    const { store } = fake;
    store.insert('rpc', 'us-sanjose-1', 'ocid1.remotepeeringconnection.oc1.us-sanjose-1.a', {
      compartmentId: compartment,
      displayName: 'sanjose-to-chicago',
      peeringStatus: 'PEERED',
      lifecycleState: 'AVAILABLE',
    });
    store.insert('rpc', 'us-chicago-1', 'ocid1.remotepeeringconnection.oc1.us-chicago-1.b', {
      compartmentId: compartment,
      displayName: 'chicago-to-sanjose',
      peeringStatus: 'REVOKED',
      lifecycleState: 'AVAILABLE',
    });
    store.insert('httpMonitor', 'global', 'ocid1.httpmonitor.oc1..m', {
      compartmentId: compartment,
      displayName: 'app-health',
      isEnabled: true,
    });
    store.insert('steeringPolicy', 'global', 'ocid1.dnspolicy.oc1..p', {
      compartmentId: compartment,
      displayName: 'app-failover',
      lifecycleState: 'ACTIVE',
      healthCheckMonitorId: 'ocid1.httpmonitor.oc1..m',
      template: 'FAILOVER',
      answers: [],
      rules: [],
    });
    store.insert('steeringPolicyAttachment', 'global', 'ocid1.dnspolicyattachment.oc1..x', {
      compartmentId: compartment,
      steeringPolicyId: 'ocid1.dnspolicy.oc1..p',
      domainName: 'app.example.com',
      lifecycleState: 'ACTIVE',
    });

    const oci = await ociMeshHealth({
      topology,
      provider,
      endpointFor: (region) => fake.endpointFor(region),
    });
    expect(await oci.remotePeerings()).toEqual([
      { name: 'sanjose-to-chicago', region: 'us-sanjose-1', status: 'PEERED' },
      { name: 'chicago-to-sanjose', region: 'us-chicago-1', status: 'REVOKED' },
    ]);
    expect(await oci.steering()).toEqual([
      { policy: 'app-failover', answer: 'lifecycle ACTIVE', healthy: true },
      { policy: 'app-failover', answer: 'monitor app-health enabled', healthy: true },
      { policy: 'app-failover', answer: 'attached to app.example.com', healthy: true },
    ]);
    const findings = await runDoctor({ topology, apis: new Map(), oci });
    expect(findings.filter((f) => f.check === 'rpc-peering').map((f) => f.status)).toEqual(['ok', 'fail']);
    expect(
      fake.requests.filter((r) => r.operation === 'ListRemotePeeringConnections').map((r) => r.region),
    ).toEqual(['us-sanjose-1', 'us-chicago-1', 'us-sanjose-1', 'us-chicago-1']);
  });
});
