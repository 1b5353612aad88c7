import { ociApiKey } from '@okemesh/test-support';
import { FakeOci, seedTopology, type FaultOptions, type SeededCluster } from '@okemesh/fake-oci';
import { exampleTopology, type Topology } from '@okemesh/topology';
import * as common from 'oci-common';
import { ClientFactory, type RunOptions } from '../src/index.js';

/** A throw-away API signing key pair for this test run; the fake trusts only its public half. */
export function testKeyPair() {
  const { privateKeyPem, publicKeyPem } = ociApiKey();
  const tenancy = 'ocid1.tenancy.oc1..okemeshtest';
  const user = 'ocid1.user.oc1..okemeshtest';
  const fingerprint = 'aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99';
  return {
    tenancy,
    keyId: `${tenancy}/${user}/${fingerprint}`,
    user,
    fingerprint,
    privateKeyPem,
    publicKeyPem,
  };
}

export interface Harness {
  readonly fake: FakeOci;
  readonly topology: Topology;
  readonly clients: ClientFactory;
  readonly keys: ReturnType<typeof testKeyPair>;
  readonly options: RunOptions;
  readonly seeded: readonly SeededCluster[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly topology?: Topology;
  readonly faults?: FaultOptions;
  readonly latencyMs?: number;
  readonly stepMs?: number;
  readonly homeRegion?: string;
}

/** Starts the fake on 127.0.0.1, seeds the topology's clusters (VCN, subnets, tables, lists) and its DNS zone. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const keys = testKeyPair();
  const topology = options.topology ?? exampleTopology();
  const fake = new FakeOci({
    publicKeys: { [keys.keyId]: keys.publicKeyPem },
    stepMs: options.stepMs ?? 15,
    latencyMs: options.latencyMs ?? 0,
    homeRegion: options.homeRegion ?? topology.spec.clusters[0]?.region ?? 'us-ashburn-1',
    ...(options.faults ? { faults: options.faults } : {}),
  });
  await fake.start();
  const seeded = seedTopology(fake, topology).clusters;
  const provider = new common.SimpleAuthenticationDetailsProvider(
    keys.tenancy,
    keys.user,
    keys.fingerprint,
    keys.privateKeyPem,
    null,
    common.Region.US_ASHBURN_1,
  );
  const clients = new ClientFactory(provider, {
    endpoint: fake.endpoint,
    retry: { maxAttempts: 10, baseDelayMs: 2, maxDelayMs: 20 },
  });
  const step = options.stepMs ?? 15;
  const runOptions: RunOptions = {
    pollIntervalMs: Math.max(2, Math.round(step / 2)),
    timeouts: { drg: 10_000, attachment: 10_000, rpc: 10_000, peering: 10_000, nsg: 10_000, dns: 10_000 },
  };
  return {
    fake,
    topology,
    clients,
    keys,
    options: runOptions,
    seeded,
    async stop() {
      clients.close();
      await fake.stop();
    },
  };
}

export const mutating = (fake: FakeOci) => fake.requests.filter((r) => r.mutating);
