import type { ProbeRun } from '../probe/sample.js';
import { outageWindows } from './outage.js';

/** How one probe saw the fault: §6 of the drills reference (F, S, L, RTO, outage, flaps). */
export interface Recovery {
  readonly probe: string;
  /** T_f. */
  readonly faultStart: number;
  /** F: intended time of the first failed slot at or after T_f; `null` if nothing failed. */
  readonly firstFailure: number | null;
  /** S: first slot of the first sustained success after F; `null` if recovery was not observed. */
  readonly sustainedSuccess: number | null;
  /** L: intended time of the last failed slot. */
  readonly lastFailure: number | null;
  /** RTO = S - T_f (0 when the fault caused no failure; `null` = not recovered). */
  readonly rtoMs: number | null;
  /** Outage = S - F. */
  readonly outageMs: number | null;
  readonly timeToLastErrorMs: number | null;
  /** Outage windows after the first one (the service fell over again after recovering). */
  readonly flaps: number;
  readonly failedSlots: number;
  /** Each reported boundary is within this of the truth: one slot interval, 1/R. */
  readonly resolutionMs: number;
  /** Consecutive successes required to call it recovered. */
  readonly sustain: number;
}

export interface RecoveryOptions {
  readonly faultStart: number;
  /** Consecutive successes that count as recovered; default max(3, 5 s of slots). */
  readonly sustain?: number;
}

export function defaultSustain(rate: number, seconds = 5): number {
  return Math.max(3, Math.ceil(rate * seconds));
}

/** F, S, L, RTO and outage of one probe run against the fault start, classified by intended send time. */
export function measureRecovery(run: ProbeRun, options: RecoveryOptions): Recovery {
  const intervalMs = 1_000 / run.rate;
  const sustain = options.sustain ?? defaultSustain(run.rate);
  const windows = outageWindows(run.samples, { intervalMs, sustain, from: options.faultStart });
  const after = run.samples.filter((s) => s.intended >= options.faultStart);
  const failed = after.filter((s) => !s.ok);
  const first = windows[0];
  const lastFailure = failed.at(-1)?.intended ?? null;
  const base = {
    probe: run.name,
    faultStart: options.faultStart,
    lastFailure,
    timeToLastErrorMs: lastFailure === null ? null : lastFailure - options.faultStart,
    failedSlots: failed.length,
    resolutionMs: intervalMs,
    sustain,
  };
  if (!first) {
    return { ...base, firstFailure: null, sustainedSuccess: null, rtoMs: 0, outageMs: 0, flaps: 0 };
  }
  const recovered = first.end;
  return {
    ...base,
    firstFailure: first.start,
    sustainedSuccess: recovered,
    rtoMs: recovered === null ? null : recovered - options.faultStart,
    outageMs: recovered === null ? null : recovered - first.start,
    flaps: windows.length - 1,
  };
}
