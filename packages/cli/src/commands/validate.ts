import type { LoadedTopology } from '@okemesh/topology';
import { CommandFailed } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { printIssues } from '../issue-output.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';
import { ociOptions, type OciFlags } from './network-oci.js';

interface ValidateOptions extends OciFlags {
  readonly file?: string;
  readonly json?: boolean;
  /** Also read each cluster from OKE and check it against the topology (CNI, VCN, CIDRs). */
  readonly live?: boolean;
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
  // --live: the file is valid; now check it against what OKE reports (FLANNEL_OVERLAY is refused there).
  const live = options.live ? await import('./discover.js') : undefined;
  const results = live ? await live.discoverClusters(io, options) : undefined;
  const liveFailed = live !== undefined && results !== undefined && live.discoveryFailed(results);
  const exit = liveFailed ? ExitCode.Findings : ExitCode.Ok;
  if (options.json) {
    printJson(io, {
      valid: !liveFailed,
      file: loaded.file,
      summary: facts,
      issues: loaded.warnings,
      ...(results ? { live: { ok: !liveFailed, clusters: results } } : {}),
    });
    return exit;
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
  if (live && results) {
    io.stdout(`\nlive check against OCI:\n`);
    live.printDiscovery(io, results);
    if (liveFailed) throw new CommandFailed('the clusters in OCI do not match the topology');
  }
  return exit;
}

export const registerValidate: CommandGroup = (program, { io, setExitCode }) => {
  const command = program
    .command('validate')
    .description('check a topology file: schema, CIDR plan, cluster identity, failover policies, SLOs')
    .addOption(fileOption())
    .addOption(jsonOption())
    .option('--live', 'also read each OKE cluster (needs OCI credentials) and check it against the topology');
  for (const option of ociOptions()) command.addOption(option);
  command.action(async (options: ValidateOptions) => {
    setExitCode(await validate(io, options));
  });
};
