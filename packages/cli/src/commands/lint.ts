import type { DeclaredMesh, Finding, InputProblem } from '@okemesh/mesh-config';
import { Option } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import type { CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';

type Format = 'text' | 'json' | 'sarif';
type FailOn = 'error' | 'warning' | 'info';

interface LintCommandOptions {
  readonly format: Format;
  readonly failOn: FailOn;
  readonly topology?: string;
}

const threshold: Record<FailOn, Finding['level']> = { error: 'Error', warning: 'Warning', info: 'Info' };

async function declaredMesh(io: Io, file: string | undefined): Promise<DeclaredMesh | undefined | number> {
  if (file === undefined) return undefined;
  try {
    const loaded = await readTopology(io, file);
    const { declaredMeshFromTopology } = await import('@okemesh/mesh-config');
    return declaredMeshFromTopology(loaded.topology);
  } catch (error) {
    const { formatIssue, isTopologyError } = await import('@okemesh/topology');
    if (!isTopologyError(error)) throw error;
    for (const issue of error.issues) io.stderr(`${formatIssue(issue)}\n`);
    return ExitCode.Usage;
  }
}

function printProblems(io: Io, problems: readonly InputProblem[]): void {
  for (const p of problems) {
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
    io.stderr(`${paint(io, 'red', 'unreadable:')} ${where}: ${p.message}\n`);
  }
}

/** The text format, coloured by level on a TTY (each finding line starts with `[cluster] Level [CODE]`). */
function printText(io: Io, text: string): void {
  if (!io.color) {
    io.stdout(text);
    return;
  }
  const colour = { Error: 'red', Warning: 'yellow', Info: 'cyan' } as const;
  const coloured = text.split('\n').map((line) => {
    const level = /^(?:\[[^\]]*\] )?(Error|Warning|Info) \[/.exec(line)?.[1] as
      keyof typeof colour | undefined;
    if (level) return paint(io, colour[level], line);
    return line.startsWith('  hint:') ? paint(io, 'dim', line) : line;
  });
  io.stdout(coloured.join('\n'));
}

export async function lintCommand(
  io: Io,
  paths: readonly string[],
  options: LintCommandOptions,
): Promise<number> {
  const mesh = await declaredMesh(io, options.topology);
  if (typeof mesh === 'number') return mesh;
  const { formatSarif, formatText, levelRank, lint, loadLintInput } = await import('@okemesh/mesh-config');
  const input = await loadLintInput(paths, { cwd: io.cwd });
  const findings = lint(input.documents, mesh === undefined ? {} : { mesh });
  if (options.format === 'json') printJson(io, findings);
  else if (options.format === 'sarif') printJson(io, formatSarif(findings));
  else printText(io, formatText(findings));
  printProblems(io, input.problems);
  if (input.problems.length > 0) return ExitCode.Usage;
  const failAt = levelRank[threshold[options.failOn]];
  return findings.some((f) => levelRank[f.level] >= failAt) ? ExitCode.Findings : ExitCode.Ok;
}

export const registerLint: CommandGroup = (program, { io, setExitCode }) => {
  program
    .command('lint')
    .description(
      'check Istio YAML like istioctl analyze (IST codes) plus multicluster failover rules (OKM codes)',
    )
    .argument(
      '<paths...>',
      'YAML files or directories (a directory of cluster directories is linted as a multicluster mesh)',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'),
    )
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding reaches this level')
        .choices(['error', 'warning', 'info'])
        .default('error'),
    )
    .option(
      '--topology <mesh.yaml>',
      'topology that declares the clusters, services and ingress secret the manifests refer to',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 no finding at --fail-on, 1 findings, 2 unreadable input or bad usage.',
    )
    .action(async (paths: string[], options: LintCommandOptions) => {
      setExitCode(await lintCommand(io, paths, options));
    });
};
