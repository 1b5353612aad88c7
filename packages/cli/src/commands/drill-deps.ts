import type { FaultDeps } from '@okemesh/drills';
import type { AuthMethod } from '@okemesh/oci-network';
import type { Io } from '../io.js';
import { ociProvider } from './network-oci.js';
import type { Topology } from '@okemesh/topology';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Runs a command fault's argv without a shell; a non-zero exit rejects. */
export async function runCommand(argv: readonly string[]): Promise<void> {
  const [file, ...args] = argv;
  if (!file) throw new Error('empty command');
  await promisify(execFile)(file, args, { timeout: 120_000 });
}

/** Kubernetes APIs for the clusters a drill touches (by kubeContext), a command runner and, when needed, OCI. */
/** How a drill reaches OCI: the network commands' `--auth` / `--config-file` plus `--oci-profile`. */
export interface DrillOciFlags {
  readonly ociProfile?: string;
  readonly auth?: AuthMethod;
  readonly configFile?: string;
}

export async function faultDeps(
  io: Io,
  topology: Topology,
  options: { clusters: readonly string[]; kubeconfig?: string; needsAdb: boolean } & DrillOciFlags,
): Promise<FaultDeps> {
  const drills = await import('@okemesh/drills');
  const wanted = new Set(options.clusters);
  const apis = await drills.kubeApisFromContexts(
    topology.spec.clusters
      .filter((c) => wanted.has(c.name))
      .map((c) => ({ cluster: c.name, context: c.kubeContext })),
    options.kubeconfig,
  );
  const adb = options.needsAdb
    ? await drills.ociAdbOperations({ provider: await ociProvider(io, options) })
    : undefined;
  return { apis, commands: runCommand, ...(adb ? { adb } : {}) };
}
