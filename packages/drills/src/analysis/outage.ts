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
  /**
   * The true boundaries lie within this of `start`/`end`: one slot interval plus the send jitter of the slots
   * at each boundary (at least the 20 ms slack). A starved prober widens it instead of reporting a wrong value.
   */
  readonly boundMs: number;
  /** Every failed slot was `unsent`: the prober could not keep its schedule (host stall), not a service error. */
  readonly unsentOnly: boolean;
}

/** Extra error allowed on a boundary on top of the 1/R slot resolution (timer and socket effects). */
export const MEASUREMENT_SLACK_MS = 20;

/** How late a slot went out; an unsent slot counts as late as when the scheduler gave up on it. */
function jitterOf(sample: ProbeSample | undefined): number {
  if (!sample) return 0;
  return Math.max(0, (sample.sent ?? sample.end) - sample.intended);
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
    let unsentOnly = true;
    let end: ProbeSample | undefined;
    let cursor = index;
    while (cursor < ordered.length) {
      const sample = ordered[cursor] as ProbeSample;
      if (!sample.ok) {
        lastFailed = sample;
        failedSlots += 1;
        if (sample.error !== 'unsent') unsentOnly = false;
        cursor += 1;
        continue;
      }
      let run = 0;
      while (cursor + run < ordered.length && (ordered[cursor + run] as ProbeSample).ok && run < sustain)
        run += 1;
      if (run >= sustain || cursor + run >= ordered.length) {
        end = run >= sustain ? sample : undefined;
        break;
      }
      cursor += run;
    }
    const last = ordered[ordered.length - 1] as ProbeSample;
    const stop = end ? end.intended : last.intended + options.intervalMs;
    const boundary = [ordered[index - 1], first, ordered[cursor - 1], end].map(jitterOf);
    windows.push({
      start: first.intended,
      end: end ? end.intended : null,
      durationMs: stop - first.intended,
      failedSlots,
      firstSeq: first.seq,
      lastFailedSeq: lastFailed.seq,
      boundMs: options.intervalMs + Math.max(MEASUREMENT_SLACK_MS, ...boundary),
      unsentOnly,
    });
    if (!end) break;
    index = cursor;
  }
  return windows;
}
