import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attempt, StartAttemptFn } from '../src/probe/slot-prober.js';
import { startSlotProber } from '../src/probe/slot-prober.js';
import { runDrill } from '../src/runner/run-drill.js';
import { FakeClock } from './fake-clock.js';
import { deployment, fakeCluster, type FakeCluster } from './fake-cluster.js';
import { shortDrill, topologyWith } from './drill-fixture.js';

const OK: Attempt = { ok: true, status: 200, error: null };
const DOWN: Attempt = { ok: false, status: 503, error: 'status' };

/** The service behind the fault, on the fake clock: answers in 2 ms, 503 while `down`. */
function fakeService(clock: FakeClock) {
  const state = { down: false };
  const start: StartAttemptFn = (_seq, settle) => {
    const outcome = state.down ? DOWN : OK;
    return clock.after(2, () => settle(outcome));
  };
  return { state, start };
}

let cluster: FakeCluster;
let dir: string;
beforeAll(async () => {
  cluster = await fakeCluster('primary-cluster');
  dir = await mkdtemp(join(tmpdir(), 'okemesh-run-clock-'));
});
afterAll(async () => {
  await cluster.fake.close();
});

describe('runDrill on an injected clock', () => {
  it.each([
    [300, 'pass', 0],
    [2_500, 'fail', 1],
  ] as const)(
    'measures a %i ms failover to the slot (no timing slack) and judges it against the RTO SLO',
    async (outageMs, outcome, exitCode) => {
      cluster.fake.seed(deployment('bookinfo', 'reviews', 3));
      await cluster.fake.settled();
      const clock = new FakeClock();
      const service = fakeService(clock);
      const topology = await topologyWith({ rto: '2s' });
      let failingFrom = 0;
      const run = await clock.runUntil(
        runDrill({
          drill: shortDrill(topology, 'http://fake.invalid/', { hold: '3s' }),
          topology,
          deps: { apis: new Map([['primary-cluster', cluster.api]]) },
          journalPath: join(dir, `${outageMs}.json`),
          clock,
          probes: (drillClock) => [
            startSlotProber({
              name: 'journey',
              kind: 'http',
              target: 'fake',
              mode: 'keepalive',
              rate: 100,
              timeoutMs: 1_000,
              start: service.start,
              clock: drillClock,
            }),
          ],
          onInjected: () => {
            failingFrom = clock.now();
            service.state.down = true;
            clock.after(outageMs, () => (service.state.down = false));
          },
        }),
      );
      expect(run.result.outcome).toBe(outcome);
      expect(run.exitCode).toBe(exitCode);
      const [recovery] = run.result.recoveries;
      const trueRto = failingFrom + outageMs - (run.result.faultStart ?? 0);
      // Slots every 10 ms on an exact clock: recovery is seen at the first slot sent after the service is back.
      const error = (recovery?.rtoMs ?? 0) - trueRto;
      expect(error).toBeGreaterThanOrEqual(0);
      expect(error).toBeLessThan(1_000 / 100);
      expect(run.result.checks.find((c) => c.slo === 'rto')).toMatchObject({ pass: outcome === 'pass' });
    },
  );
});
