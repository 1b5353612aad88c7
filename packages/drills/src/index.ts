export { DrillError, isDrillError } from './errors.js';
export type { DrillErrorCode } from './errors.js';
export { now, iso, systemClock } from './clock.js';
export type { Clock } from './clock.js';
export type {
  ConnectionMode,
  ErrorClass,
  ProbeKind,
  ProbeProgress,
  ProbeRun,
  ProbeSample,
  RunningProbe,
} from './probe/sample.js';
export { startSlotProber, MAX_PROBE_RATE } from './probe/slot-prober.js';
export type { Attempt, AttemptFn, SlotProberOptions, StartAttemptFn } from './probe/slot-prober.js';
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
export type { RpoOptions, RpoResult } from './analysis/rpo.js';
export { checkSlos } from './analysis/verdict.js';
export type { SloCheck, SloName, VerdictInput } from './analysis/verdict.js';
export { evaluateDrill } from './analysis/evaluate.js';
export type { EvaluateInput } from './analysis/evaluate.js';
export { timeline } from './report/result.js';
export type { DrillOutcome, DrillResult, PhaseMark, ProbeTimeline, TimelineBucket } from './report/result.js';
export { markdownReport } from './report/markdown.js';
export { junitReport } from './report/junit.js';
export { svgTimeline } from './report/svg-timeline.js';
export {
  drillSchema,
  probeSpecSchema,
  DRILL_API_VERSION,
  DRILL_KIND,
  scenarioNames,
} from './spec/drill-schema.js';
export type { Drill, DrillInput, ProbeSpec, ScenarioName } from './spec/drill-schema.js';
export { faultSchema } from './spec/fault-schema.js';
export type { Fault, FaultType, KubeFault } from './spec/fault-schema.js';
export type { BlastRadius } from './spec/primitives.js';
export { parseDrill, validateDrill } from './spec/load.js';
export { drillJsonSchema } from './spec/json-schema.js';
export { scenarioDrill, scenarioDescriptions, scenarioMeasures } from './spec/scenarios.js';
export { writerSchema } from './spec/writer-schema.js';
export type {
  OracleWriterSpec,
  PostgresWriterSpec,
  WriterEndpointName,
  WriterSpec,
  WriterSpecInput,
} from './spec/writer-schema.js';
export { databaseWriter } from './data/database-writer.js';
export type { DrillWriter } from './data/database-writer.js';
export { sqlConnector } from './data/sql-connector.js';
export type { SqlConnectorOptions } from './data/sql-connector.js';
export { writerTable } from './data/seq-database.js';
export type { SeqDatabase, SqlConnector } from './data/seq-database.js';
export type { PgDriver } from './data/pg-driver.js';
export type { OracleDriver } from './data/oracle-driver.js';
export { oracleConnectionConfig } from './data/oracle-database.js';
export { readPassword } from './data/credentials.js';
export type { ScenarioOptions } from './spec/scenarios.js';
export { startDnsProbe } from './probe/dns-prober.js';
export type { DnsProbeOptions } from './probe/dns-prober.js';
export { DRILL_LABEL, describeRef } from './kube/object.js';
export type { KubeApi, KubeObject, ListRef, ObjectRef } from './kube/object.js';
export { clientNodeApi, kubeApisFromContexts } from './kube/client-node-api.js';
export { pickTargets, radiusCount } from './kube/targets.js';
export { acquireLease, releaseLeaseHeldBy } from './kube/lease.js';
export type { HeldLease, LeaseOptions } from './kube/lease.js';
export { selfHealWarnings } from './kube/gitops.js';
export { Journal } from './runner/journal.js';
export type { JournalData, JournalInit, JournalStatus } from './runner/journal.js';
export type { Mutation, MutationState, RevertAction } from './runner/mutation.js';
export type { AdbOperations, AdbRole, CommandRunner, FaultDeps } from './runner/ports.js';
export { injectFault } from './runner/inject.js';
export type { InjectContext } from './runner/inject.js';
export { revertAction, revertAll } from './runner/revert.js';
export type { RevertOptions } from './runner/revert.js';
export { recoverFromJournal } from './runner/recover.js';
export type { RecoverReport } from './runner/recover.js';
export { runDrill } from './runner/run-drill.js';
export type { DrillRun, RunDrillOptions } from './runner/run-drill.js';
export { outcomeExitCode } from './runner/exit-code.js';
export { formatProgress } from './runner/progress.js';
export type { DrillPhase, DrillProgress } from './runner/progress.js';
export { writeReports } from './report/write-reports.js';
export type { ReportFiles } from './report/write-reports.js';
export { drillCronJob } from './cronjob.js';
export type { CronJobOptions } from './cronjob.js';
export { ociAdbOperations } from './oci/adb-operations.js';
export type { OciAdbOptions } from './oci/adb-operations.js';
export { runDoctor } from './doctor/doctor.js';
export type { DoctorOptions } from './doctor/doctor.js';
export type { DoctorCheck, DoctorFinding, DoctorStatus, OciHealth } from './doctor/finding.js';
export { orphanWarnings } from './kube/orphans.js';
// Moved to @okemesh/oci-network; re-exported so existing callers keep working.
export { ociMeshHealth } from '@okemesh/oci-network';
export type { OciMeshHealthOptions } from '@okemesh/oci-network';
export { startKubeReadyProbe } from './probe/kube-ready-prober.js';
export type { KubeReadyProbeOptions } from './probe/kube-ready-prober.js';
export { startPromqlProbe, instantValue, comparators } from './probe/promql-prober.js';
export type { Comparator, PromqlProbeOptions } from './probe/promql-prober.js';
