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
export { startSequenceWriter } from './probe/sequence-writer.js';
export type { SequenceWrite, SequenceWriterOptions } from './probe/sequence-writer.js';
export { measureRecovery, defaultSustain } from './analysis/recovery.js';
export type { Recovery, RecoveryOptions } from './analysis/recovery.js';
export { measureRpo } from './analysis/rpo.js';
export type { RpoResult } from './analysis/rpo.js';
export { checkSlos } from './analysis/verdict.js';
export type { SloCheck, SloName, VerdictInput } from './analysis/verdict.js';
export { evaluateDrill } from './analysis/evaluate.js';
export type { EvaluateInput } from './analysis/evaluate.js';
export { timeline } from './report/result.js';
export type { DrillOutcome, DrillResult, PhaseMark, ProbeTimeline, TimelineBucket } from './report/result.js';
export { markdownReport } from './report/markdown.js';
export { junitReport } from './report/junit.js';
export { svgTimeline } from './report/svg-timeline.js';
export { drillSchema, probeSpecSchema, DRILL_API_VERSION, DRILL_KIND, scenarioNames } from './spec/drill-schema.js';
export type { Drill, DrillInput, ProbeSpec, ScenarioName } from './spec/drill-schema.js';
export { faultSchema } from './spec/fault-schema.js';
export type { Fault, FaultType, KubeFault } from './spec/fault-schema.js';
export type { BlastRadius } from './spec/primitives.js';
export { parseDrill, validateDrill } from './spec/load.js';
export { drillJsonSchema } from './spec/json-schema.js';
export { scenarioDrill, scenarioDescriptions } from './spec/scenarios.js';
export type { ScenarioOptions } from './spec/scenarios.js';
