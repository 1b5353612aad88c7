import type { LinkResult } from '@okemesh/mesh-config/link';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { CommandFailed, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';
import type { Topology } from '@okemesh/topology';
import { ociOptions, type OciFlags } from './network-oci.js';

interface LinkCommandOptions extends OciFlags {
  readonly file?: string;
  readonly kubeconfig?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly server?: readonly string[];
  readonly oci?: boolean;
}

/**
 * The API server each remote secret names: `--server <cluster>=<url>`, else with `--oci` the cluster's
 * private endpoint from OKE (GetCluster `endpoints.privateEndpoint`), which is where `okemesh network`
 * opens 6443 between the VCNs.
 */
async function remoteServers(
  io: Io,
  options: LinkCommandOptions,
  topology: Topology,
): Promise<Record<string, string>> {
  const servers: Record<string, string> = {};
  const names = new Set(topology.spec.clusters.map((c) => c.name));
  for (const value of options.server ?? []) {
    const at = value.indexOf('=');
    const [cluster, url] = [value.slice(0, at), value.slice(at + 1)];
    if (at <= 0 || !/^https:\/\/[^/]+/.test(url))
      throw new UsageError(`--server ${value}: expected <cluster>=https://<private-endpoint>:6443`);
    if (!names.has(cluster)) throw new UsageError(`--server ${value}: no cluster ${cluster} in the topology`);
    servers[cluster] = url;
  }
  const missing = topology.spec.clusters.filter((c) => servers[c.name] === undefined);
  if (!options.oci || missing.length === 0) return servers;
  const { connect } = await import('./network-oci.js');
  const oci = await import('@okemesh/oci-network');
  const { clients } = await connect(io, options);
  for (const cluster of missing) {
    if (!cluster.ocid)
      throw new UsageError(
        `--oci: cluster ${cluster.name} has no ocid in the topology; pass --server ${cluster.name}=<url>`,
      );
    const found = await oci.discoverCluster(clients.for(cluster.region), cluster.ocid);
    const endpoint = found.endpoints['privateEndpoint'];
    if (!endpoint) throw new CommandFailed(`--oci: cluster ${cluster.name} has no private API endpoint`);
    servers[cluster.name] = `https://${endpoint}`;
  }
  return servers;
}

/** --kubeconfig, else the single file in $KUBECONFIG, else ~/.kube/config. */
function kubeconfigPath(io: Io, flag: string | undefined): string {
  if (flag !== undefined) return resolve(io.cwd, flag);
  const paths = (io.env['KUBECONFIG'] ?? '').split(delimiter).filter(Boolean);
  if (paths.length > 1)
    throw new UsageError(
      'KUBECONFIG lists several files; pass the one with the mesh contexts as --kubeconfig',
    );
  return paths[0] ?? join(io.env['HOME'] ?? homedir(), '.kube', 'config');
}

function report(io: Io, result: LinkResult): void {
  const verb = {
    create: result.dryRun ? 'would create' : 'created',
    update: result.dryRun ? 'would update' : 'updated',
    unchanged: 'unchanged',
    unknown: 'would create or update',
  } as const;
  for (const what of result.prerequisites)
    io.stdout(`  ${paint(io, 'dim', `created ${what} (reader token)`)}\n`);
  for (const change of result.changes) {
    const colour = change.action === 'unchanged' ? 'dim' : 'green';
    io.stdout(
      `  ${paint(io, colour, verb[change.action].padEnd(12))} ${change.secret} in ${change.target}  (reads ${change.source})\n`,
    );
  }
  for (const warning of result.warnings) io.stderr(`${paint(io, 'yellow', 'warning:')} ${warning}\n`);
  const count = (action: string) => result.changes.filter((c) => c.action === action).length;
  const changed = result.changes.length - count('unchanged');
  if (changed === 0 && result.prerequisites.length === 0) {
    io.stdout(`${paint(io, 'green', '✔')} no changes: every cluster already reads every other one\n`);
  } else {
    const prefix = result.dryRun ? 'dry run: ' : '';
    io.stdout(
      `${paint(io, 'green', '✔')} ${prefix}${count('create')} created, ${count('update')} updated, ${count('unchanged')} unchanged${count('unknown') ? `, ${count('unknown')} pending a reader token` : ''}\n`,
    );
  }
}

export async function meshLink(io: Io, options: LinkCommandOptions): Promise<number> {
  const loaded = await readTopology(io, options.file);
  const path = kubeconfigPath(io, options.kubeconfig);
  const text = await readFile(path, 'utf8').catch((cause: NodeJS.ErrnoException) => {
    throw new UsageError(
      `cannot read kubeconfig ${path}: ${cause.code === 'ENOENT' ? 'file not found' : cause.message}`,
    );
  });
  const { kubeconfigClientFactory, linkClusters } = await import('@okemesh/mesh-config/link');
  const servers = await remoteServers(io, options, loaded.topology);
  const result: LinkResult = await linkClusters(loaded.topology, kubeconfigClientFactory(text), {
    dryRun: options.dryRun ?? false,
    servers,
  });
  if (options.json) printJson(io, result);
  else report(io, result);
  return ExitCode.Ok;
}

export const registerMesh: CommandGroup = (program, { io, setExitCode }) => {
  const mesh = program.command('mesh').description('operate on the live clusters of the mesh');
  const link = mesh
    .command('link')
    .description(
      'create or update istio-remote-secret-<cluster> in every other cluster (like istioctl create-remote-secret)',
    )
    .addOption(fileOption())
    .option(
      '--kubeconfig <path>',
      'kubeconfig with every cluster kubeContext (default: $KUBECONFIG or ~/.kube/config)',
    )
    .option('--dry-run', 'read the clusters and report what would change; write nothing')
    .option(
      '--server <cluster=url>',
      "API server the remote secret names for that cluster: its private endpoint (repeatable; default: the kubeconfig's server)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--oci', "read each cluster's private API endpoint from OKE (clusters need their ocid)")
    .addOption(jsonOption());
  for (const option of ociOptions()) link.addOption(option);
  link.action(async (options: LinkCommandOptions) => {
    setExitCode(await meshLink(io, options));
  });
};
