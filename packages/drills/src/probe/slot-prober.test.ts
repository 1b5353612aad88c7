import { describe, expect, it } from 'vitest';
import { summarizeProbe } from '../analysis/probe-summary.js';
import { FakeClock } from '../../test/fake-clock.js';
import { startSlotProber, type Attempt, type StartAttemptFn } from './slot-prober.js';

const OK: Attempt = { ok: true, status: 200, error: null };
const REFUSED: Attempt = { ok: false, status: null, error: 'refused' };

/** A service on the fake clock: answers after `latencyMs`, refuses while down, never answers while hung. */
function fakeService(clock: FakeClock, latencyMs: number) {
  const state = { down: false, hung: false, cancelled: 0 };
  const start: StartAttemptFn = (_seq, settle) => {
    if (state.hung) return () => (state.cancelled += 1);
    const outcome = state.down ? REFUSED : OK;
    return clock.after(latencyMs, () => settle(outcome));
  };
  return { state, start };
}

describe('slot prober on an injected clock', () => {
  it('measures an injected outage exactly: slot resolution, no timing slack', async () => {
    const clock = new FakeClock();
    const service = fakeService(clock, 2);
    const probe = startSlotProber({
      name: 'fake',
      kind: 'http',
      target: 'fake',
      mode: 'keepalive',
      rate: 200,
      timeoutMs: 100,
      start: service.start,
      clock,
    });
    const t0 = clock.now();
    await clock.run(300);
    service.state.down = true;
    await clock.run(437);
    service.state.down = false;
    await clock.run(300);
    const stopping = probe.stop();
    await clock.run(10);
    const summary = summarizeProbe(await stopping, { sustain: 5 });
    expect(summary.unsent).toBe(0);
    expect(summary.jitter.max).toBe(0);
    const [outage, ...rest] = summary.outages;
    expect(rest).toEqual([]);
    // Slots every 5 ms; the one due at 300 ms went out before the fault: the first refused slot is due at
    // 305 ms, the last at 735 ms, the first good one at 740 ms.
    expect(outage).toMatchObject({ start: t0 + 305, end: t0 + 740, durationMs: 435, unsentOnly: false });
    // True outage 437 ms: the error stays within one slot interval (1/R), far inside 1/R + 20 ms.
    expect(Math.abs((outage?.durationMs ?? 0) - 437)).toBeLessThanOrEqual(1_000 / 200);
    expect(summary.errors.refused).toBe(87);
  });

  it('times a hung attempt out at sent + timeout and cancels it, one deadline timer for all', async () => {
    const clock = new FakeClock();
    const service = fakeService(clock, 1);
    service.state.hung = true;
    const probe = startSlotProber({
      name: 'fake',
      kind: 'http',
      target: 'fake',
      mode: 'fresh',
      rate: 100,
      timeoutMs: 50,
      durationMs: 200,
      start: service.start,
      clock,
    });
    await clock.run(300);
    const run = await probe.done;
    expect(run.samples).toHaveLength(20);
    expect(run.samples.every((s) => s.error === 'timeout' && s.latencyMs === 50)).toBe(true);
    expect(service.state.cancelled).toBe(20);
  });

  it('counts a slot due while the in-flight cap is reached as unsent', async () => {
    const clock = new FakeClock();
    const service = fakeService(clock, 1);
    service.state.hung = true;
    const probe = startSlotProber({
      name: 'fake',
      kind: 'http',
      target: 'fake',
      mode: 'keepalive',
      rate: 100,
      timeoutMs: 1_000,
      durationMs: 100,
      maxInFlight: 3,
      start: service.start,
      clock,
    });
    await clock.run(1_200);
    const run = await probe.done;
    expect(run.samples.map((s) => s.error)).toEqual([
      ...Array<string>(3).fill('timeout'),
      ...Array<string>(7).fill('unsent'),
    ]);
  });

  it('adapts the promise form and waits for a late attempt before closing', async () => {
    const clock = new FakeClock();
    let closed = false;
    const probe = startSlotProber({
      name: 'fake',
      kind: 'dns',
      target: 'fake',
      mode: null,
      rate: 10,
      timeoutMs: 30,
      durationMs: 100,
      attempt: (_seq, signal) =>
        new Promise<Attempt>((resolve) =>
          signal.addEventListener('abort', () => clock.after(5, () => resolve(OK))),
        ),
      close: () => {
        closed = true;
      },
      clock,
    });
    await clock.run(200);
    const run = await probe.done;
    expect(closed).toBe(true);
    expect(run.samples).toHaveLength(1);
    expect(run.samples[0]).toMatchObject({ error: 'timeout', latencyMs: 30 });
  });
});
