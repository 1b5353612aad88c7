import { iso } from '../clock.js';
import type { ErrorClass, ProbeRun } from '../probe/sample.js';
import { summarizeLatency, type LatencySummary } from './latency.js';
import { MEASUREMENT_SLACK_MS, outageWindows, type OutageWindow } from './outage.js';

export { MEASUREMENT_SLACK_MS };

export interface ProbeSummary {
  readonly name: string;
  readonly kind: ProbeRun['kind'];
  readonly target: string;
  readonly mode: ProbeRun['mode'];
  readonly rate: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly slots: number;
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  readonly unsent: number;
  /** Successful slots / all slots, in percent. */
  readonly availability: number;
  readonly actualRate: number;
  readonly errors: Partial<Record<ErrorClass, number>>;
  readonly statuses: Record<string, number>;
  readonly latency: LatencySummary;
  /** Send-time scheduling jitter (sent - intended) in ms: p50, p99, max. */
  readonly jitter: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly outages: readonly OutageWindow[];
  /** Widest boundary bound of any outage window (each window states its own `boundMs`); nominal if none. */
  readonly errorBoundMs: number;
  /** The bound when the prober keeps its schedule: 1/R + 20 ms. */
  readonly nominalBoundMs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const round = (value: number) => Math.round(value * 1_000) / 1_000;

/** Counts, availability, latency percentiles (raw and CO-corrected), jitter and every outage window. */
export function summarizeProbe(run: ProbeRun, options: { sustain?: number } = {}): ProbeSummary {
  const errors: Partial<Record<ErrorClass, number>> = {};
  const statuses: Record<string, number> = {};
  const jitters: number[] = [];
  let ok = 0;
  let sent = 0;
  for (const sample of run.samples) {
    if (sample.ok) ok += 1;
    if (sample.error) errors[sample.error] = (errors[sample.error] ?? 0) + 1;
    if (sample.status !== null) statuses[String(sample.status)] = (statuses[String(sample.status)] ?? 0) + 1;
    if (sample.sent !== null) {
      sent += 1;
      jitters.push(sample.sent - sample.intended);
    }
  }
  jitters.sort((a, b) => a - b);
  const slots = run.samples.length;
  const intervalMs = 1_000 / run.rate;
  const durationMs = run.end - run.start;
  const outages = outageWindows(run.samples, {
    intervalMs,
    ...(options.sustain ? { sustain: options.sustain } : {}),
  });
  return {
    name: run.name,
    kind: run.kind,
    target: run.target,
    mode: run.mode,
    rate: run.rate,
    startedAt: iso(run.start),
    durationMs: round(durationMs),
    slots,
    sent,
    ok,
    failed: slots - ok,
    unsent: errors.unsent ?? 0,
    availability: slots === 0 ? 100 : round((ok / slots) * 100),
    actualRate: durationMs > 0 ? round((sent / durationMs) * 1_000) : 0,
    errors,
    statuses,
    latency: summarizeLatency(run.samples, run.rate),
    jitter: {
      p50: round(quantile(jitters, 0.5)),
      p99: round(quantile(jitters, 0.99)),
      max: round(jitters.at(-1) ?? 0),
    },
    outages,
    errorBoundMs: round(Math.max(intervalMs + MEASUREMENT_SLACK_MS, ...outages.map((o) => o.boundMs))),
    nominalBoundMs: round(intervalMs + MEASUREMENT_SLACK_MS),
  };
}
