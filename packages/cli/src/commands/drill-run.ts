import type { Drill } from '@okemesh/drills';
import type { Topology } from '@okemesh/topology';
import { join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { paint, printJson, type Io } from '../io.js';
import { faultDeps, type DrillOciFlags } from './drill-deps.js';

export interface DrillRunOptions extends DrillOciFlags {
  readonly kubeconfig?: string;
  readonly out: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** Runs a drill with SIGINT/SIGTERM wired to abort-and-rollback, live progress on stderr, reports on disk. */
export async function runDrillCommand(
  io: Io,
  drill: Drill,
  topology: Topology,
  options: DrillRunOptions,
): Promise<number> {
  const drills = await import('@okemesh/drills');
  const needsAdb = drill.spec.faults.some((f) => f.type === 'adb-switchover' || f.type === 'adb-failover');
  const deps = await faultDeps(io, topology, {
    clusters: drill.spec.faults.flatMap((f) => ('cluster' in f ? [f.cluster] : [])),
    needsAdb,
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    ...(options.ociProfile ? { ociProfile: options.ociProfile } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = resolve(io.cwd, options.out, `${drill.metadata.name}-${stamp}`);
  await mkdir(dir, { recursive: true });
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    io.stderr(`\n${signal}: aborting the drill and rolling back…\n`);
    controller.abort(signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const run = await drills.runDrill({
      drill,
      topology,
      deps,
      journalPath: join(dir, 'journal.json'),
      dryRun: options.dryRun ?? false,
      signal: controller.signal,
      onProgress: (progress) => io.stderr(`${drills.formatProgress(progress)}\n`),
    });
    const files = await drills.writeReports(run.result, dir);
    if (options.json) {
      printJson(io, {
        exitCode: run.exitCode,
        journal: run.journal.path,
        reports: files,
        result: run.result,
        plan: run.journal.data.plan,
      });
      return run.exitCode;
    }
    if (options.dryRun) io.stdout(`${run.journal.data.plan.map((step) => `  plan: ${step}`).join('\n')}\n`);
    for (const warning of run.result.warnings) io.stderr(`${paint(io, 'yellow', 'warning:')} ${warning}\n`);
    const colour = run.result.outcome === 'pass' ? 'green' : 'red';
    io.stdout(
      [
        `${paint(io, colour, run.result.outcome.toUpperCase())} ${drill.metadata.name}: ${run.result.reason}`,
        ...run.result.checks.map((c) => `  ${c.pass ? '✔' : '✘'} ${c.slo}: ${c.detail}`),
        `  journal  ${run.journal.path}`,
        `  reports  ${files.markdown}, ${files.junit}, ${files.svg}`,
        '',
      ].join('\n'),
    );
    return run.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
