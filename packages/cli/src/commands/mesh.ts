import type { LinkResult } from '@okemesh/mesh-config/link';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';

interface LinkCommandOptions {
  readonly file?: string;
  readonly kubeconfig?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
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
  const result: LinkResult = await linkClusters(loaded.topology, kubeconfigClientFactory(text), {
    dryRun: options.dryRun ?? false,
  });
  if (options.json) printJson(io, result);
  else report(io, result);
  return ExitCode.Ok;
}

export const registerMesh: CommandGroup = (program, { io, setExitCode }) => {
  const mesh = program.command('mesh').description('operate on the live clusters of the mesh');
  mesh
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
    .addOption(jsonOption())
    .action(async (options: LinkCommandOptions) => {
      setExitCode(await meshLink(io, options));
    });
};
