import { build, type Histogram } from 'hdr-histogram-js';
import type { ProbeSample } from '../probe/sample.js';

/** Latency percentiles in milliseconds (HdrHistogram, 3 significant digits). */
export interface LatencyPercentiles {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  readonly mean: number;
}

/** Raw service time, and the same samples corrected for coordinated omission at the expected interval 1/R. */
export interface LatencySummary {
  readonly raw: LatencyPercentiles;
  readonly corrected: LatencyPercentiles;
}

const MICROS_PER_MS = 1_000;
const HIGHEST_US = 3_600_000_000;

function newHistogram(): Histogram {
  return build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_US,
    numberOfSignificantValueDigits: 3,
  });
}

function percentiles(histogram: Histogram): LatencyPercentiles {
  const ms = (us: number) => Math.round((us / MICROS_PER_MS) * 1_000) / 1_000;
  if (histogram.totalCount === 0) return { count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  return {
    count: histogram.totalCount,
    p50: ms(histogram.getValueAtPercentile(50)),
    p90: ms(histogram.getValueAtPercentile(90)),
    p99: ms(histogram.getValueAtPercentile(99)),
    p999: ms(histogram.getValueAtPercentile(99.9)),
    max: ms(histogram.maxValue),
    mean: ms(histogram.mean),
  };
}

/**
 * Percentiles of successful requests. The corrected histogram records each value with
 * `recordValueWithExpectedInterval(v, 1/R)`, filling in the samples a stalled closed-loop client would
 * have omitted; the two are kept apart (HdrHistogram: the corrections are mutually exclusive).
 */
export function summarizeLatency(samples: readonly ProbeSample[], rate: number): LatencySummary {
  const raw = newHistogram();
  const corrected = newHistogram();
  const expectedUs = Math.max(1, Math.round((1_000 / rate) * MICROS_PER_MS));
  for (const sample of samples) {
    if (!sample.ok || sample.latencyMs === null) continue;
    const us = Math.min(HIGHEST_US, Math.max(1, Math.round(sample.latencyMs * MICROS_PER_MS)));
    raw.recordValue(us);
    corrected.recordValueWithExpectedInterval(us, expectedUs);
  }
  const summary = { raw: percentiles(raw), corrected: percentiles(corrected) };
  raw.destroy();
  corrected.destroy();
  return summary;
}
