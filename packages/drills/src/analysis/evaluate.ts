import type { Topology } from '@okemesh/topology';
import { parseDuration } from '@okemesh/topology';
import type { ProbeRun } from '../probe/sample.js';
import type { DrillResult, PhaseMark } from '../report/result.js';
import { timeline } from '../report/result.js';
import type { Drill } from '../spec/drill-schema.js';
import { summarizeProbe } from './probe-summary.js';
import { defaultSustain, measureRecovery } from './recovery.js';
import { measureRpo } from './rpo.js';
import { checkSlos } from './verdict.js';

export interface EvaluateInput {
  readonly drill: Drill;
  readonly topology: Topology;
  readonly runs: readonly ProbeRun[];
  /** The sequence writer's run and the seqs the surviving database holds. */
  readonly writer?: {
    readonly run: ProbeRun;
    readonly present: Iterable<number>;
    readonly clockErrorMs?: number;
    readonly expectedLagMs?: number | null;
  };
  readonly startedAt: number;
  readonly endedAt: number;
  readonly faultStart: number | null;
  readonly faultEnd: number | null;
  readonly phases: readonly PhaseMark[];
  readonly warnings?: readonly string[];
  /** Why an abort rule or the max duration stopped the drill. */
  readonly aborted?: string;
  /** What broke the drill (fault or rollback failure). */
  readonly error?: string;
}

/** Injection is over when the drill enters its hold phase. */
function injectedAt(phases: readonly PhaseMark[], faultStart: number): { injectedAt?: number } {
  const hold = phases.find((p) => p.phase === 'hold' && p.at >= faultStart);
  return hold ? { injectedAt: hold.at } : {};
}

/** Turns what the probers recorded into RTO/RPO per probe, SLO checks and the outcome. Pure. */
export function evaluateDrill(input: EvaluateInput): DrillResult {
  const sustainMs = parseDuration(input.drill.spec.recovery.sustain) ?? 5_000;
  const faultStart = input.faultStart;
  const recoveries =
    faultStart === null
      ? []
      : input.runs.map((run) =>
          measureRecovery(run, { faultStart, sustain: defaultSustain(run.rate, sustainMs / 1_000) }),
        );
  const rpo =
    input.writer && faultStart !== null
      ? measureRpo(input.writer.run, input.writer.present, faultStart, {
          ...(input.writer.clockErrorMs === undefined ? {} : { clockErrorMs: input.writer.clockErrorMs }),
          expectedLagMs: input.writer.expectedLagMs ?? null,
          ...injectedAt(input.phases, faultStart),
        })
      : null;
  const probes = input.runs.map((run) => summarizeProbe(run));
  const total = probes.reduce((acc, p) => acc + p.slots, 0);
  const ok = probes.reduce((acc, p) => acc + p.ok, 0);
  const checks =
    faultStart === null
      ? []
      : checkSlos({
          slos: input.topology.spec.slos,
          rtoSlo: input.drill.spec.verdict.rto,
          recoveries,
          rpo,
          availability: total === 0 ? 100 : (ok / total) * 100,
          checkAvailability: input.drill.spec.verdict.availability,
        });
  const failed = checks.filter((c) => !c.pass);
  const outcome = input.error
    ? 'error'
    : input.aborted
      ? 'aborted'
      : failed.length > 0 || checks.length === 0
        ? 'fail'
        : 'pass';
  const reason =
    input.error ??
    input.aborted ??
    (checks.length === 0
      ? 'the fault was never injected'
      : failed.length > 0
        ? `SLO breached: ${failed.map((c) => c.detail).join('; ')}`
        : `all ${checks.length} SLO check(s) met`);
  return {
    drill: input.drill.metadata.name,
    scenario: input.drill.spec.scenario ?? null,
    topology: input.topology.metadata.name,
    outcome,
    reason,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    faultStart,
    faultEnd: input.faultEnd,
    phases: input.phases,
    probes,
    recoveries,
    rpo,
    checks,
    timelines: [...input.runs, ...(input.writer ? [input.writer.run] : [])].map((run) => timeline(run)),
    warnings: input.warnings ?? [],
  };
}
