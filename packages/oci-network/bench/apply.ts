// Benchmark: fresh two-region apply and no-op re-apply against the fake OCI API with a fixed per-call latency,
// regions in parallel (okemesh default) next to a strictly sequential baseline measured in the same run.
// Run: npm run bench -w @okemesh/oci-network   (builds, then runs this file on Node 24 with type stripping)
import { generateKeyPairSync } from 'node:crypto';
import { FakeOci, seedTopology } from '@okemesh/fake-oci';
import { exampleTopology } from '@okemesh/topology';
import * as common from 'oci-common';
import { applyNetwork, ClientFactory } from '@okemesh/oci-network';

const LATENCY_MS = 25;
const STEP_MS = 100;

interface Measure {
  readonly wallMs: number;
  readonly calls: number;
  readonly mutating: number;
}

async function scenario(sequential: boolean): Promise<{ fresh: Measure; noop: Measure }> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const [tenancy, user, fp] = [
    'ocid1.tenancy.oc1..bench',
    'ocid1.user.oc1..bench',
    '00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff',
  ];
  const fake = new FakeOci({
    publicKeys: {
      [`${tenancy}/${user}/${fp}`]: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    latencyMs: LATENCY_MS,
    stepMs: STEP_MS,
    pageSize: 50,
  });
  await fake.start();
  const topology = exampleTopology();
  seedTopology(fake, topology);
  const provider = new common.SimpleAuthenticationDetailsProvider(
    tenancy,
    user,
    fp,
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    null,
    common.Region.US_ASHBURN_1,
  );
  const clients = new ClientFactory(provider, { endpoint: fake.endpoint });
  const options = { sequential, pollIntervalMs: 200 };
  const measure = async (): Promise<Measure> => {
    fake.clearLog();
    const start = performance.now();
    await applyNetwork(topology, clients, options);
    const wallMs = performance.now() - start;
    return { wallMs, calls: fake.requests.length, mutating: fake.requests.filter((r) => r.mutating).length };
  };
  const fresh = await measure();
  const noop = await measure();
  clients.close();
  await fake.stop();
  return { fresh, noop };
}

const sequential = await scenario(true);
const parallel = await scenario(false);

const row = (name: string, m: Measure, base: Measure) =>
  `${name.padEnd(34)} ${m.wallMs.toFixed(0).padStart(7)} ms ${String(m.calls).padStart(5)} calls ${String(m.mutating).padStart(4)} mutating   ${(m.wallMs / base.wallMs).toFixed(2)}× baseline time`;

console.log(
  `fake OCI: ${LATENCY_MS} ms per call, ${STEP_MS} ms per lifecycle step; two regions (example topology)`,
);
console.log(row('fresh apply, sequential (baseline)', sequential.fresh, sequential.fresh));
console.log(row('fresh apply, regions in parallel', parallel.fresh, sequential.fresh));
console.log(row('no-op re-apply, sequential', sequential.noop, sequential.noop));
console.log(row('no-op re-apply, parallel', parallel.noop, sequential.noop));
console.log(
  `no-op re-apply makes ${parallel.noop.mutating} mutating calls; fresh apply ${(sequential.fresh.wallMs / parallel.fresh.wallMs).toFixed(2)}× faster in parallel`,
);
