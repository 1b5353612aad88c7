import { describe, expect, it } from 'vitest';
import type { ProbeSample } from '../probe/sample.js';
import { summarizeLatency } from './latency.js';
import { outageWindows } from './outage.js';
import { syntheticSamples } from '../../test/synthetic-run.js';

/** Samples at 10/s from a pattern string: `.` ok, `x` failed. */
function pattern(text: string, start = 1_000, rate = 10): ProbeSample[] {
  return syntheticSamples(text, { start, rate, latencyMs: 5 });
}

describe('outageWindows', () => {
  it('finds each run of failures by intended time', () => {
    const windows = outageWindows(pattern('..xxx...x..'), { intervalMs: 100 });
    expect(windows.map((w) => [w.start, w.end, w.durationMs, w.failedSlots])).toEqual([
      [1_200, 1_500, 300, 3],
      [1_800, 1_900, 100, 1],
    ]);
  });

  it('merges flaps shorter than the sustain count into one window', () => {
    const windows = outageWindows(pattern('.xx.x..x....'), { intervalMs: 100, sustain: 3 });
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ start: 1_100, end: 1_800, failedSlots: 4, lastFailedSeq: 7 });
  });

  it('reports an open window when recovery is never observed', () => {
    const windows = outageWindows(pattern('..xx.x'), { intervalMs: 100, sustain: 2 });
    expect(windows).toEqual([
      {
        start: 1_200,
        end: null,
        durationMs: 400,
        failedSlots: 3,
        firstSeq: 2,
        lastFailedSeq: 5,
        boundMs: 120,
        unsentOnly: false,
      },
    ]);
  });

  it('ignores slots before `from`', () => {
    expect(outageWindows(pattern('xx....'), { intervalMs: 100, from: 1_200 })).toEqual([]);
  });
});

describe('summarizeLatency', () => {
  it('keeps raw and coordinated-omission-corrected percentiles apart', () => {
    const samples = pattern('.'.repeat(100)).map((s, i) => ({ ...s, latencyMs: i === 99 ? 1_000 : 2 }));
    const { raw, corrected } = summarizeLatency(samples, 10);
    expect(raw.count).toBe(100);
    expect(raw.p50).toBeCloseTo(2, 1);
    expect(raw.max).toBeCloseTo(1_000, -1);
    // A 1 s stall at 10/s hides 9 requests a closed-loop client never sent: correction adds them back.
    expect(corrected.count).toBe(109);
    expect(corrected.p99).toBeGreaterThan(raw.p99);
  });
});
