import type { ProbeSample } from '../probe/sample.js';

/** A run of failed slots, bounded by intended send times. */
export interface OutageWindow {
  /** Intended time of the first failed slot. */
  readonly start: number;
  /** Intended time of the first slot of the sustained success that ended it; `null` if it never ended. */
  readonly end: number | null;
  /** `end - start`, or up to the end of the run for an open window. */
  readonly durationMs: number;
  readonly failedSlots: number;
  readonly firstSeq: number;
  readonly lastFailedSeq: number;
}

export interface OutageOptions {
  /** Consecutive successes that end an outage (shorter success runs are flaps inside it). Default 1. */
  readonly sustain?: number;
  /** Only slots intended at or after this time are considered. */
  readonly from?: number;
  /** Slot interval (1/R in ms): closes open windows at the end of the last slot. */
  readonly intervalMs: number;
}

/**
 * Outage windows of a probe run, classified by intended send time (not completion time): the true
 * boundaries lie within one slot interval before each reported boundary.
 */
export function outageWindows(samples: readonly ProbeSample[], options: OutageOptions): OutageWindow[] {
  const sustain = Math.max(1, options.sustain ?? 1);
  const from = options.from ?? -Infinity;
  const ordered = samples.filter((s) => s.intended >= from).sort((a, b) => a.seq - b.seq);
  const windows: OutageWindow[] = [];
  let index = 0;
  while (index < ordered.length) {
    const first = ordered[index];
    if (!first || first.ok) {
      index += 1;
      continue;
    }
    let lastFailed = first;
    let failedSlots = 0;
    let end: ProbeSample | undefined;
    let cursor = index;
    while (cursor < ordered.length) {
      const sample = ordered[cursor] as ProbeSample;
      if (!sample.ok) {
        lastFailed = sample;
        failedSlots += 1;
        cursor += 1;
        continue;
      }
      let run = 0;
      while (cursor + run < ordered.length && (ordered[cursor + run] as ProbeSample).ok && run < sustain) run += 1;
      if (run >= sustain || cursor + run >= ordered.length) {
        end = run >= sustain ? sample : undefined;
        break;
      }
      cursor += run;
    }
    const last = ordered[ordered.length - 1] as ProbeSample;
    const stop = end ? end.intended : last.intended + options.intervalMs;
    windows.push({
      start: first.intended,
      end: end ? end.intended : null,
      durationMs: stop - first.intended,
      failedSlots,
      firstSeq: first.seq,
      lastFailedSeq: lastFailed.seq,
    });
    if (!end) break;
    index = cursor;
  }
  return windows;
}
