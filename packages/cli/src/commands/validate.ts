import type { LoadedTopology, TopologyIssue } from '@okemesh/topology';
import { CommandFailed } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';

interface ValidateOptions {
  readonly file?: string;
  readonly json?: boolean;
}

function summary(loaded: LoadedTopology) {
  const { spec } = loaded.topology;
  return {
    mesh: spec.mesh.id,
    trustDomain: spec.mesh.trustDomain,
    istio: spec.mesh.istio.version,
    clusters: spec.clusters.map((c) => ({
      name: c.name,
      region: c.region,
      network: c.network,
      role: c.role,
    })),
    services: spec.services.map((s) => `${s.namespace}/${s.name}`),
    dns: spec.dns?.domain ?? null,
  };
}

async function printIssues(io: Io, issues: readonly TopologyIssue[]): Promise<void> {
  const { formatIssue } = await import('@okemesh/topology');
  for (const issue of issues) {
    const colour = issue.severity === 'error' ? 'red' : 'yellow';
    const [head = '', ...rest] = formatIssue(issue).split('\n');
    io.stderr(
      `${paint(io, colour, head)}\n${rest.map((l) => paint(io, 'dim', l)).join('\n')}${rest.length ? '\n' : ''}`,
    );
  }
}

export async function validate(io: Io, options: ValidateOptions): Promise<number> {
  let loaded: LoadedTopology;
  try {
    loaded = await readTopology(io, options.file);
  } catch (error) {
    const { isTopologyError } = await import('@okemesh/topology');
    if (!isTopologyError(error)) throw error;
    const exit = error.code === 'TOPOLOGY_READ_FAILED' ? ExitCode.Usage : ExitCode.Findings;
    if (options.json) {
      printJson(io, { valid: false, file: error.issues[0]?.file ?? options.file, issues: error.issues });
      return exit;
    }
    await printIssues(io, error.issues);
    const errors = error.issues.filter((i) => i.severity === 'error').length;
    throw new CommandFailed(`${errors} error${errors === 1 ? '' : 's'}: topology is not valid`, exit);
  }

  const facts = summary(loaded);
  if (options.json) {
    printJson(io, { valid: true, file: loaded.file, summary: facts, issues: loaded.warnings });
    return ExitCode.Ok;
  }
  await printIssues(io, loaded.warnings);
  const out: string[] = [
    `${paint(io, 'green', '✔')} ${paint(io, 'bold', loaded.file)} is a valid topology`,
    `  mesh       ${facts.mesh} (trust domain ${facts.trustDomain}, Istio ${facts.istio})`,
    `  clusters   ${facts.clusters.map((c) => `${c.name} [${c.region}, ${c.network}, ${c.role}]`).join(', ')}`,
    `  services   ${facts.services.length ? facts.services.join(', ') : '(none)'}`,
    `  dns        ${facts.dns ?? '(not managed)'}`,
  ];
  if (loaded.warnings.length)
    out.push(`  ${paint(io, 'yellow', `${loaded.warnings.length} warning(s)`)} above`);
  io.stdout(`${out.join('\n')}\n`);
  return ExitCode.Ok;
}

export const registerValidate: CommandGroup = (program, { io, setExitCode }) => {
  program
    .command('validate')
    .description('check a topology file: schema, CIDR plan, cluster identity, failover policies, SLOs')
    .addOption(fileOption())
    .addOption(jsonOption())
    .action(async (options: ValidateOptions) => {
      setExitCode(await validate(io, options));
    });
};
