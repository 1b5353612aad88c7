import type { DeclaredMesh, Finding, InputProblem, LintInput } from '@okemesh/mesh-config';
import { relative, resolve } from 'node:path';
import { Option } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { printIssues } from '../issue-output.js';
import { paint, printJson, type Io } from '../io.js';
import type { CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';

type Format = 'text' | 'json' | 'sarif';
type FailOn = 'error' | 'warning' | 'info';

interface LintCommandOptions {
  readonly format: Format;
  readonly failOn: FailOn;
  readonly topology?: string;
  readonly namespace?: string;
  readonly meshConfig?: string;
  readonly meshNetworks?: string;
}

const threshold: Record<FailOn, Finding['level']> = { error: 'Error', warning: 'Warning', info: 'Info' };

async function declaredMesh(io: Io, file: string | undefined): Promise<DeclaredMesh | undefined | number> {
  if (file === undefined) return undefined;
  try {
    const loaded = await readTopology(io, file);
    const { declaredMeshFromTopology } = await import('@okemesh/mesh-config');
    return declaredMeshFromTopology(loaded.topology);
  } catch (error) {
    const { isTopologyError } = await import('@okemesh/topology');
    if (!isTopologyError(error)) throw error;
    await printIssues(io, error.issues);
    return ExitCode.Usage;
  }
}

/**
 * Input that cannot be linted fails the run before any finding is shown: every unreadable path on stderr
 * (text), or the error in the output format itself (a JSON error object; a SARIF run whose invocation
 * failed), so automation never reads "no findings" from a run that linted nothing.
 */
function failInput(
  io: Io,
  format: Format,
  code: 'MESH_LINT_NO_INPUT' | 'MESH_LINT_INPUT_UNREADABLE' | 'MESH_LINT_KUSTOMIZE_FAILED',
  message: string,
  problems: readonly InputProblem[],
): number {
  const where = (p: InputProblem) => (p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file);
  if (format === 'json') {
    printJson(io, { error: { code, exit: ExitCode.Usage, message, problems } });
  } else if (format === 'sarif') {
    printJson(io, {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: { driver: { name: 'okemesh lint', version: '0.1.0' } },
          results: [],
          invocations: [
            {
              executionSuccessful: false,
              toolExecutionNotifications: [
                { level: 'error', descriptor: { id: code }, message: { text: message } },
                ...problems.map((p) => ({
                  level: 'error',
                  descriptor: { id: code },
                  message: { text: p.message },
                  locations: [
                    {
                      physicalLocation: {
                        artifactLocation: { uri: p.file.split('\\').join('/') },
                        ...(p.line > 0 ? { region: { startLine: p.line, startColumn: p.column } } : {}),
                      },
                    },
                  ],
                })),
              ],
            },
          ],
        },
      ],
    });
  } else {
    for (const p of problems) io.stderr(`${paint(io, 'red', 'unreadable:')} ${where(p)}: ${p.message}\n`);
    io.stderr(`${paint(io, 'red', 'error:')} ${message}${paint(io, 'dim', ` [${code}]`)}\n`);
  }
  return ExitCode.Usage;
}

/** A topology document among the inputs (the mesh.yaml `okemesh render` puts into its bundle). */
function bundledTopology(input: LintInput): string | undefined {
  const doc = input.documents.find((d) => {
    const value = d.value as { apiVersion?: unknown; kind?: unknown } | null;
    return (
      typeof value?.apiVersion === 'string' &&
      value.apiVersion.startsWith('okemesh.io/') &&
      value.kind === 'MeshTopology'
    );
  });
  return doc?.file;
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
  let mesh = await declaredMesh(io, options.topology);
  if (typeof mesh === 'number') return mesh;
  const { formatSarif, formatText, levelRank, lint, loadLintInput, readMeshFile } =
    await import('@okemesh/mesh-config');
  const meshFile = (path: string | undefined, kind: 'meshConfig' | 'meshNetworks') =>
    path === undefined ? undefined : readMeshFile(resolve(io.cwd, path), kind);
  const [meshConfig, meshNetworks] = await Promise.all([
    meshFile(options.meshConfig, 'meshConfig'),
    meshFile(options.meshNetworks, 'meshNetworks'),
  ]);
  const input = await loadLintInput(paths, { cwd: io.cwd });
  if (input.problems.length > 0) {
    const n = input.problems.length;
    return failInput(
      io,
      options.format,
      input.problems.some((p) => p.code === 'MESH_LINT_KUSTOMIZE_FAILED')
        ? 'MESH_LINT_KUSTOMIZE_FAILED'
        : 'MESH_LINT_INPUT_UNREADABLE',
      `${n} input${n === 1 ? '' : 's'} could not be read, parsed or built; nothing was linted`,
      input.problems,
    );
  }
  if (input.files === 0)
    return failInput(
      io,
      options.format,
      'MESH_LINT_NO_INPUT',
      `no YAML manifests (*.yaml, *.yml) in ${paths.join(', ')}; nothing was linted`,
      [],
    );
  const carried = mesh === undefined ? bundledTopology(input) : undefined;
  if (carried !== undefined) {
    mesh = await declaredMesh(io, carried);
    if (typeof mesh === 'number') return mesh;
    io.stderr(paint(io, 'dim', `using topology ${carried} (found in the input)\n`));
  }
  const findings = lint(input.documents, {
    ...(mesh === undefined ? {} : { mesh }),
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(meshConfig === undefined ? {} : { meshConfig }),
    ...(meshNetworks === undefined
      ? {}
      : { meshNetworks, meshNetworksFile: relative(io.cwd, resolve(io.cwd, options.meshNetworks ?? '')) }),
  });
  if (options.format === 'json') printJson(io, findings);
  else if (options.format === 'sarif') printJson(io, formatSarif(findings));
  else printText(io, formatText(findings));
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
    .option(
      '-n, --namespace <name>',
      'namespace of namespaced resources that name none (like istioctl analyze -n)',
      'default',
    )
    .option(
      '--mesh-config <file>',
      'MeshConfig to assume, or the istio ConfigMap holding it (like istioctl analyze --meshConfigFile)',
    )
    .option('--mesh-networks <file>', 'MeshNetworks to assume, or the istio ConfigMap holding it')
    .addHelpText(
      'after',
      '\nA bundle rendered by okemesh carries its mesh.yaml: lint uses it when --topology is not given.\n' +
        'Exit codes: 0 no finding at --fail-on, 1 findings, 2 unreadable or no input, or bad usage.',
    )
    .action(async (paths: string[], options: LintCommandOptions) => {
      setExitCode(await lintCommand(io, paths, options));
    });
};
