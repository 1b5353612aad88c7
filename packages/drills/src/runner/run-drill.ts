import { parseDuration, type Topology } from '@okemesh/topology';
import { evaluateDrill } from '../analysis/evaluate.js';
import { sleep, systemClock, type Clock } from '../clock.js';
import { databaseWriter, type DrillWriter } from '../data/database-writer.js';
import { sqlConnector } from '../data/sql-connector.js';
import { isDrillError } from '../errors.js';
import { selfHealWarnings } from '../kube/gitops.js';
import { orphanWarnings } from '../kube/orphans.js';
import { acquireLease, type HeldLease } from '../kube/lease.js';
import type { ProbeRun, RunningProbe } from '../probe/sample.js';
import type { DrillResult } from '../report/result.js';
import type { Drill } from '../spec/drill-schema.js';
import { outcomeExitCode } from './exit-code.js';
import { injectFault } from './inject.js';
import { Journal, type JournalStatus } from './journal.js';
import type { FaultDeps } from './ports.js';
import { startDrillProbes } from './probes.js';
import { progressOf, type DrillPhase, type DrillProgress } from './progress.js';
import { revertAll } from './revert.js';

export interface RunDrillOptions {
  readonly drill: Drill;
  readonly topology: Topology;
  readonly deps: FaultDeps;
  readonly journalPath: string;
  readonly dryRun?: boolean;
  /** Abort (and roll back): the CLI wires SIGINT/SIGTERM to it. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DrillProgress) => void;
  /** The RPO writer; default: one built from `spec.writer` (through `deps.sql`), if the drill has one. */
  readonly writer?: DrillWriter;
  readonly lease?: { readonly namespace?: string; readonly durationSeconds?: number };
  readonly random?: () => number;
  readonly podWaitMs?: number;
  /** Probes to use instead of the drill's own (tests, custom journeys); they should schedule on `clock`. */
  readonly probes?: (clock: Clock) => RunningProbe[];
  /** Called after the faults are injected (tests hook the simulated failover here). */
  readonly onInjected?: () => void | Promise<void>;
  /**
   * Where the drill reads time and waits (steady state, hold, verify) and what its probes schedule on; the
   * system clock unless a test injects a fake one, so RTO arithmetic is checked without timing.
   */
  readonly clock?: Clock;
}

export type { DrillWriter };

export interface DrillRun {
  readonly result: DrillResult;
  readonly journal: Journal;
  readonly exitCode: number;
}

const ms = (text: string, fallback: number) => parseDuration(text) ?? fallback;

const STATUS: Record<DrillResult['outcome'], JournalStatus> = {
  pass: 'completed',
  fail: 'failed',
  aborted: 'aborted',
  error: 'error',
};

/**
 * Runs a drill: lock, pre-flight, probes, steady state, inject (journal before every mutation), hold while
 * watching abort rules and the max duration, revert on EVERY exit path, verify, evaluate against the SLOs.
 */
export async function runDrill(options: RunDrillOptions): Promise<DrillRun> {
  const { drill, topology, deps } = options;
  const dryRun = options.dryRun ?? false;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const startedAt = now();
  const journal = await Journal.create(options.journalPath, {
    drill: drill.metadata.name,
    scenario: drill.spec.scenario ?? null,
    topology: topology.metadata.name,
    dryRun,
  });
  const leases: HeldLease[] = [];
  let probes: RunningProbe[] = [];
  let writer: RunningProbe | undefined;
  let writerRun: ProbeRun | undefined;
  let present: Iterable<number> | undefined;
  let expectedLagMs: number | null = null;
  const writerSource =
    options.writer ??
    (drill.spec.writer
      ? databaseWriter(drill.spec.writer, deps.sql ?? sqlConnector(), journal.id)
      : undefined);
  let phase: DrillPhase = 'preflight';
  let faultStart: number | null = null;
  let faultEnd: number | null = null;
  let aborted: string | undefined;
  let error: string | undefined;
  /** An unexpected exception (a bug), as opposed to a DrillError or a failed revert from the environment. */
  let internal = false;
  const report = () =>
    options.onProgress?.(progressOf(phase, startedAt, now(), [...probes, ...(writer ? [writer] : [])]));
  const enter = async (next: DrillPhase) => {
    phase = next;
    await journal.phase(next);
    report();
  };
  const abortReason = () =>
    options.signal?.aborted ? `interrupted (${String(options.signal.reason ?? 'signal')})` : undefined;
  const progressTimer = setInterval(report, 1_000);
  let renewTimer: NodeJS.Timeout | undefined;
  const clusters = [...new Set(drill.spec.faults.flatMap((f) => ('cluster' in f ? [f.cluster] : [])))];
  const maxEnd = startedAt + ms(drill.spec.maxDuration, 600_000);

  try {
    await enter('preflight');
    for (const cluster of clusters) {
      const api = deps.apis.get(cluster);
      if (!api) throw new Error(`no Kubernetes API for cluster ${cluster}`);
      if (!dryRun)
        leases.push(await acquireLease(api, { holder: journal.id, journal: journal.path, ...options.lease }));
      const namespaces = new Set(
        drill.spec.faults.flatMap((f) =>
          'namespace' in f && 'cluster' in f && f.cluster === cluster ? [f.namespace] : [],
        ),
      );
      for (const warning of [...(await selfHealWarnings(api, namespaces)), ...(await orphanWarnings(api))])
        await journal.warn(warning);
    }
    if (leases.length > 0) {
      const every = ((options.lease?.durationSeconds ?? 30) * 1_000) / 3;
      renewTimer = setInterval(
        () => void Promise.all(leases.map((l) => l.renew())).catch(() => undefined),
        every,
      );
    }
    const serviceNamespaces = new Map(topology.spec.services.map((s) => [s.name, s.namespace]));
    const injectCtx = {
      journal,
      deps,
      dryRun,
      drillId: journal.id,
      serviceNamespaces,
      ...(topology.spec.data.autonomousDatabase ? { adb: topology.spec.data.autonomousDatabase } : {}),
      ...(drill.spec.writer ? { writer: drill.spec.writer } : {}),
      ...(options.random ? { random: options.random } : {}),
    };
    if (dryRun) {
      if (drill.spec.writer)
        await journal.plan(
          `RPO writer: ${drill.spec.writer.rate} writes/s into its own table on the ${drill.spec.writer.driver} primary, dropped afterwards`,
        );
      for (const [i, fault] of drill.spec.faults.entries())
        for (const w of await injectFault(injectCtx, i, fault)) await journal.warn(w);
    } else {
      await writerSource?.prepare?.(journal);
      probes = options.probes ? options.probes(clock) : startDrillProbes(drill, topology, deps.apis, clock);
      writer = writerSource?.start();
      await enter('steady-state');
      const steadyFrom = now();
      await sleep(ms(drill.spec.steadyState.duration, 60_000), options.signal, clock);
      aborted = abortReason();
      const unsteady = probes.filter(
        (p) => p.successSince(steadyFrom) * 100 < drill.spec.steadyState.minSuccess,
      );
      if (!aborted && unsteady.length > 0) {
        aborted = `steady state not met before the fault: ${unsteady.map((p) => p.name).join(', ')} below ${drill.spec.steadyState.minSuccess} %`;
      }
      if (!aborted) {
        expectedLagMs = (await writerSource?.expectedLagMs?.()) ?? null;
        await enter('inject');
        faultStart = now();
        for (const [i, fault] of drill.spec.faults.entries())
          for (const w of await injectFault(injectCtx, i, fault)) await journal.warn(w);
        await options.onInjected?.();
        await enter('hold');
        aborted = await hold(drill, probes, faultStart, maxEnd, clock, options.signal);
        // Read what survived on the new primary before anything is reverted (a switch back moves it again).
        if (writer && writerSource) {
          writerRun = await writer.stop();
          writer = undefined;
          present = await writerSource.present();
        }
      }
    }
  } catch (caught) {
    internal = !isDrillError(caught);
    error = isDrillError(caught)
      ? `${caught.code}: ${caught.message}`
      : caught instanceof Error
        ? caught.message
        : String(caught);
  } finally {
    if (writer) {
      writerRun = await writer.stop();
      writer = undefined;
    }
    if (journal.outstanding().length > 0) {
      await enter('revert');
      faultEnd = now();
      const failures = await revertAll(
        journal,
        deps,
        options.podWaitMs === undefined ? {} : { podWaitMs: options.podWaitMs },
      );
      if (failures.length > 0) error = [error, ...failures].filter(Boolean).join('; ');
    }
    clearInterval(renewTimer);
    await writerSource?.close?.().catch(() => undefined);
  }

  if (probes.length > 0 && !error && !aborted) {
    await enter('verify');
    await sleep(ms(drill.spec.recovery.sustain, 5_000), options.signal, clock);
  }
  await enter('report');
  clearInterval(progressTimer);
  const runs: ProbeRun[] = await Promise.all(probes.map((p) => p.stop()));
  for (const lease of leases) await lease.release().catch(() => undefined);
  const result = evaluateDrill({
    drill,
    topology,
    runs,
    ...(writerRun && present
      ? {
          writer: {
            run: writerRun,
            present,
            expectedLagMs,
            ...(writerSource?.clockErrorMs === undefined ? {} : { clockErrorMs: writerSource.clockErrorMs }),
          },
        }
      : {}),
    startedAt,
    endedAt: now(),
    faultStart,
    faultEnd: faultEnd ?? (faultStart === null ? null : now()),
    phases: journal.data.phases,
    warnings: journal.data.warnings,
    ...(aborted ? { aborted } : {}),
    ...(error ? { error } : {}),
  });
  const final =
    dryRun && !error
      ? {
          ...result,
          outcome: 'pass' as const,
          reason: `dry run: ${journal.data.plan.length} step(s) planned, nothing mutated`,
        }
      : result;
  await journal.setStatus(STATUS[final.outcome], final);
  return { result: final, journal, exitCode: outcomeExitCode(final.outcome, internal) };
}

/** Holds the fault until its time is up; returns why it stopped early (signal, abort rule, max duration). */
async function hold(
  drill: Drill,
  probes: readonly RunningProbe[],
  faultStart: number,
  maxEnd: number,
  clock: Clock,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const now = () => clock.now();
  const until = Math.min(faultStart + ms(drill.spec.hold, 60_000), maxEnd);
  const rule = drill.spec.abort;
  const guards = rule ? probes.filter((p) => rule.probes.includes(p.name)) : [];
  const windowMs = rule ? ms(rule.window, 10_000) : 0;
  while (now() < until) {
    await sleep(Math.min(100, until - now()), signal, clock);
    if (signal?.aborted) return `interrupted (${String(signal.reason ?? 'signal')})`;
    if (rule && now() - faultStart >= windowMs) {
      const low = guards.find((g) => g.successSince(now() - windowMs) * 100 < rule.successBelow);
      if (low) return `abort rule: guard probe ${low.name} below ${rule.successBelow} % over ${rule.window}`;
    }
  }
  return now() >= maxEnd && faultStart + ms(drill.spec.hold, 60_000) > maxEnd
    ? `max duration ${drill.spec.maxDuration} reached`
    : undefined;
}
