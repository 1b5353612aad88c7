import { FakeOci } from '@okemesh/fake-oci';
import { exampleTopology } from '@okemesh/topology';
import { SimpleAuthenticationDetailsProvider } from 'oci-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociMeshHealth } from '../src/index.js';
import { testKeyPair } from './harness.js';

let fake: FakeOci;
let provider: SimpleAuthenticationDetailsProvider;

beforeAll(async () => {
  const keys = testKeyPair();
  fake = new FakeOci({ publicKeys: { [keys.keyId]: keys.publicKeyPem } });
  await fake.start();
  provider = new SimpleAuthenticationDetailsProvider(
    keys.tenancy,
    keys.user,
    keys.fingerprint,
    keys.privateKeyPem,
    null,
  );
});
afterAll(async () => fake.stop());

describe('ociMeshHealth through the real SDK clients against fake-oci', () => {
  it('lists every region’s remote peerings and judges the steering policy of the DNS domain', async () => {
    const topology = exampleTopology();
    const compartment = topology.spec.clusters[0]?.compartment ?? '';
    const [first, second] = topology.spec.clusters.map((c) => c.region);
    const { store } = fake;
    store.insert('rpc', first ?? '', `ocid1.remotepeeringconnection.oc1.${first}.a`, {
      compartmentId: compartment,
      displayName: 'first-to-second',
      peeringStatus: 'PEERED',
      lifecycleState: 'AVAILABLE',
    });
    store.insert('rpc', second ?? '', `ocid1.remotepeeringconnection.oc1.${second}.b`, {
      compartmentId: compartment,
      displayName: 'second-to-first',
      peeringStatus: 'PENDING',
      lifecycleState: 'AVAILABLE',
    });
    store.insert('httpMonitor', 'global', 'ocid1.httpmonitor.oc1..m', {
      compartmentId: compartment,
      displayName: 'app-health',
      isEnabled: false,
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

    const oci = await ociMeshHealth({
      topology,
      provider,
      endpointFor: (region) => fake.endpointFor(region),
    });
    expect(await oci.remotePeerings()).toEqual([
      { name: 'first-to-second', region: first, status: 'PEERED' },
      { name: 'second-to-first', region: second, status: 'PENDING' },
    ]);
    expect(await oci.steering()).toEqual([
      { policy: 'app-failover', answer: 'lifecycle ACTIVE', healthy: true },
      { policy: 'app-failover', answer: 'monitor app-health disabled', healthy: false },
      {
        policy: 'app-failover',
        answer: `not attached to ${topology.spec.dns?.domain ?? ''}`,
        healthy: false,
      },
    ]);
  });
});
