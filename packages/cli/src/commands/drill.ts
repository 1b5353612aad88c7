import type { WriterSpecInput } from '@okemesh/drills';
import { Option, type Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { CommandFailed, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';
import { faultDeps, type DrillOciFlags } from './drill-deps.js';
import { ociAuthOption, ociConfigFileOption } from './network-oci.js';
import { runDrillCommand } from './drill-run.js';
import { loadDrill, readWriter, type DrillSourceOptions } from './drill-source.js';

interface CommonOptions extends DrillSourceOptions {
  readonly file?: string;
  readonly json?: boolean;
}

async function list(io: Io, options: CommonOptions): Promise<number> {
  const { topology } = await readTopology(io, options.file);
  const drills = await import('@okemesh/drills');
  const writer = (await readWriter(io, options.writer)) as WriterSpecInput | undefined;
  const scenarioOptions = writer ? { writer } : {};
  const rows = drills.scenarioNames.map((name) => {
    try {
      const drill = drills.scenarioDrill(name, topology, scenarioOptions);
      return {
        scenario: name,
        description: drills.scenarioDescriptions[name],
        faults: drill.spec.faults.length,
        measures: drill.spec.writer ? ['RTO', 'RPO'] : ['RTO'],
        available: true,
      };
    } catch (error) {
      if (drills.isDrillError(error) && error.code === 'DRILL_SPEC_INVALID')
        throw new UsageError(error.message);
      return {
        scenario: name,
        description: drills.scenarioDescriptions[name],
        faults: 0,
        measures: drills.scenarioMeasures(name, scenarioOptions),
        available: false,
        reason: (error as Error).message,
      };
    }
  });
  if (options.json) printJson(io, rows);
  else
    io.stdout(
      `${rows.map((r) => `${r.scenario.padEnd(18)} ${r.available ? `${r.faults} fault(s)` : 'n/a      '}  ${r.measures.join('+').padEnd(7)}  ${r.description}`).join('\n')}\n`,
    );
  return ExitCode.Ok;
}

async function plan(io: Io, source: string, options: CommonOptions): Promise<number> {
  const { topology } = await readTopology(io, options.file);
  const drill = await loadDrill(io, source, topology, options);
  if (options.json) printJson(io, drill);
  else io.stdout(stringify(drill));
  return ExitCode.Ok;
}

async function recover(
  io: Io,
  journalPath: string,
  options: CommonOptions & { kubeconfig?: string } & DrillOciFlags,
): Promise<number> {
  const { topology } = await readTopology(io, options.file);
  const drills = await import('@okemesh/drills');
  const journal = await drills.Journal.load(resolve(io.cwd, journalPath)).catch((e: Error) => {
    throw new UsageError(e.message);
  });
  const outstanding = journal.outstanding();
  const needsAdb = outstanding.some((m) => m.revert.type === 'adb-switchover');
  const clusters = outstanding.flatMap((m) => ('cluster' in m.revert ? [m.revert.cluster] : []));
  const deps = await faultDeps(io, topology, {
    clusters,
    needsAdb,
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    ...(options.ociProfile ? { ociProfile: options.ociProfile } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
  });
  const report = await drills.recoverFromJournal(journal.path, deps);
  if (options.json) printJson(io, report);
  else
    io.stdout(
      `${[`recovered drill ${report.drill}: ${report.reverted.length} mutation(s) reverted`, ...report.reverted.map((r) => `  ✔ ${r}`), ...report.failures.map((f) => `  ✘ ${f}`), ...report.releasedLocks.map((c) => `  lock released in ${c}`)].join('\n')}\n`,
    );
  if (report.failures.length > 0)
    throw new CommandFailed(`${report.failures.length} revert(s) failed`, ExitCode.Internal);
  return ExitCode.Ok;
}

async function report(
  io: Io,
  journalPath: string,
  options: { format: string; output?: string },
): Promise<number> {
  const drills = await import('@okemesh/drills');
  const text = await readFile(resolve(io.cwd, journalPath), 'utf8').catch(() => {
    throw new UsageError(`cannot read journal ${journalPath}`);
  });
  const journal = JSON.parse(text) as { kind?: string; result?: Parameters<typeof drills.markdownReport>[0] };
  if (journal.kind !== 'DrillJournal' || !journal.result)
    throw new UsageError(`${journalPath} is not a finished drill journal`);
  const render = {
    markdown: drills.markdownReport,
    junit: drills.junitReport,
    svg: drills.svgTimeline,
    json: (r: unknown) => `${JSON.stringify(r, null, 2)}\n`,
  }[options.format];
  if (!render) throw new UsageError(`--format must be markdown, junit, svg or json`);
  const out = render(journal.result);
  if (options.output) await writeFile(resolve(io.cwd, options.output), out);
  else io.stdout(out);
  return drills.outcomeExitCode(journal.result.outcome);
}

async function schedule(
  io: Io,
  source: string,
  options: { schedule: string; image: string; namespace?: string; resultsClaim?: string },
): Promise<number> {
  const drills = await import('@okemesh/drills');
  try {
    const job = drills.drillCronJob({
      drill: source,
      schedule: options.schedule,
      image: options.image,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      ...(options.resultsClaim ? { resultsClaim: options.resultsClaim } : {}),
    });
    io.stdout(stringify(job));
    return ExitCode.Ok;
  } catch (error) {
    if (drills.isDrillError(error)) throw new UsageError(error.message);
    throw error;
  }
}

const writerOption = (command: Command) =>
  command.option(
    '--writer <file>',
    'YAML RPO writer (driver postgres|oracle, primary, standby, user, passwordEnv) for database scenarios',
  );

const scenarioOptions = (command: Command) =>
  writerOption(command)
    .option('--cluster <name>', 'cluster to fail (default: the primary)')
    .option('--url <url>', 'URL the journey probes hit (default: from spec.dns / spec.ingress)')
    .option('--hold <duration>', 'how long the fault stays injected')
    .option('--unplanned', 'database scenarios: failover (not reverted) instead of a switchover');

export const registerDrill: CommandGroup = (program, { io, setExitCode }) => {
  const drill = program
    .command('drill')
    .description('failover drills: inject a fault, measure RTO/RPO against the SLOs, always roll back');
  writerOption(drill.command('list').description('list the built-in scenarios and what each measures'))
    .addOption(fileOption())
    .addOption(jsonOption())
    .action(async (o: CommonOptions) => setExitCode(await list(io, o)));
  scenarioOptions(
    drill
      .command('plan')
      .description('print the drill a scenario or file expands to (no cluster access)')
      .argument('<scenario|file>'),
  )
    .addOption(fileOption())
    .addOption(jsonOption())
    .action(async (source: string, o: CommonOptions) => setExitCode(await plan(io, source, o)));
  scenarioOptions(
    drill
      .command('run')
      .description('run a drill (exit 0 pass, 1 SLO breached, 3 aborted, 4 error)')
      .argument('<scenario|file>'),
  )
    .addOption(fileOption())
    .option(
      '--kubeconfig <path>',
      'kubeconfig with the topology contexts (default: $KUBECONFIG or ~/.kube/config)',
    )
    .option('--out <dir>', 'directory for journal and reports', 'okemesh-out/drills')
    .option('--dry-run', 'server-side dry run: resolve targets, print the plan, mutate nothing')
    .option('--oci-profile <name>', 'OCI config profile for Autonomous Database faults')
    .addOption(ociAuthOption())
    .addOption(ociConfigFileOption())
    .addOption(jsonOption())
    .action(
      async (
        source: string,
        o: CommonOptions & { kubeconfig?: string; out: string; dryRun?: boolean } & DrillOciFlags,
      ) => {
        const { topology } = await readTopology(io, o.file);
        setExitCode(await runDrillCommand(io, await loadDrill(io, source, topology, o), topology, o));
      },
    );
  drill
    .command('recover')
    .description('revert what a crashed or killed drill left behind, from its journal')
    .argument('<journal.json>')
    .addOption(fileOption())
    .option('--kubeconfig <path>', 'kubeconfig with the topology contexts')
    .option('--oci-profile <name>', 'OCI config profile for reverting Autonomous Database switchovers')
    .addOption(ociAuthOption())
    .addOption(ociConfigFileOption())
    .addOption(jsonOption())
    .action(async (path: string, o: CommonOptions & { kubeconfig?: string } & DrillOciFlags) =>
      setExitCode(await recover(io, path, o)),
    );
  drill
    .command('report')
    .description('render a finished journal as markdown, JUnit XML, SVG timeline or JSON')
    .argument('<journal.json>')
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['markdown', 'junit', 'svg', 'json'])
        .default('markdown'),
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (path: string, o: { format: string; output?: string }) =>
      setExitCode(await report(io, path, o)),
    );
  drill
    .command('schedule')
    .description('render a CronJob that runs the drill in-cluster on a schedule')
    .argument('<scenario|file>')
    .requiredOption('--schedule <cron>', '5-field cron schedule')
    .requiredOption('--image <image>', 'okemesh CLI image')
    .option('--namespace <ns>', 'namespace of the CronJob')
    .option('--results-claim <pvc>', 'PVC for journals and reports')
    .action(
      async (
        source: string,
        o: { schedule: string; image: string; namespace?: string; resultsClaim?: string },
      ) => setExitCode(await schedule(io, source, o)),
    );
};
