export { DrillError, isDrillError } from './errors.js';
export type { DrillErrorCode } from './errors.js';
export { now, iso } from './clock.js';
export type {
  ConnectionMode,
  ErrorClass,
  ProbeKind,
  ProbeProgress,
  ProbeRun,
  ProbeSample,
  RunningProbe,
} from './probe/sample.js';
export { startSlotProber } from './probe/slot-prober.js';
export type { Attempt, AttemptFn, SlotProberOptions } from './probe/slot-prober.js';
export { startHttpProbe } from './probe/http-prober.js';
export type { HttpProbeOptions } from './probe/http-prober.js';
export { classifyError } from './probe/error-class.js';
export { summarizeLatency } from './analysis/latency.js';
export type { LatencyPercentiles, LatencySummary } from './analysis/latency.js';
export { outageWindows } from './analysis/outage.js';
export type { OutageOptions, OutageWindow } from './analysis/outage.js';
export { summarizeProbe, MEASUREMENT_SLACK_MS } from './analysis/probe-summary.js';
export type { ProbeSummary } from './analysis/probe-summary.js';
