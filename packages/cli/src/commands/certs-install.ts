import type { CacertsKubeClient } from '@okemesh/certs';
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandContext } from '../program.js';
import { readTopology } from '../topology-input.js';
import { certsAction, dirOption, storeDir, type StoreOptions } from './certs-shared.js';

interface InstallOptions extends Omit<StoreOptions, 'passphraseEnv'> {
  readonly file?: string;
  readonly cluster: string;
  readonly context?: string;
  readonly kubeconfig?: string;
  readonly allowRootChange?: boolean;
}

/**
 * A CoreV1Api for one kubeconfig context, through @okemesh/kube's loader and safety policy (no
 * insecure-skip-tls-verify: okemesh never sends CA keys over an unverified connection). client-node is loaded
 * only when install runs.
 */
async function coreApi(
  io: Io,
  contextName: string,
  kubeconfig: string | undefined,
): Promise<CacertsKubeClient> {
  const { loadKubeconfig } = await import('@okemesh/kube');
  const loaded = await loadKubeconfig({
    ...(kubeconfig === undefined ? {} : { file: resolve(io.cwd, kubeconfig) }),
    env: { ...io.env, ...(io.env.KUBECONFIG ? { KUBECONFIG: resolve(io.cwd, io.env.KUBECONFIG) } : {}) },
  });
  const config = await loaded.forContext(contextName);
  const k8s = await import('@kubernetes/client-node');
  return config.makeApiClient(k8s.CoreV1Api) as unknown as CacertsKubeClient;
}

async function install(io: Io, options: InstallOptions): Promise<number> {
  const topology = await readTopology(io, options.file);
  const cluster = topology.topology.spec.clusters.find((c) => c.name === options.cluster);
  if (!cluster) throw new UsageError(`${options.cluster} is not a cluster of ${topology.file}`);
  const contextName = options.context ?? cluster.kubeContext;
  const dir = storeDir(io, options.dir);
  const bundle = await certsAction({}, async (certs) =>
    certs.bundleFromFiles(cluster.name, await certs.readBundleFiles(dir, cluster.name)),
  );
  const client = await coreApi(io, contextName, options.kubeconfig);
  const result = await certsAction({}, (certs) =>
    certs.installCacerts(client, bundle, {
      now: new Date(),
      ...(options.allowRootChange !== undefined && { allowRootChange: options.allowRootChange }),
    }),
  );
  if (options.json) {
    printJson(io, { context: contextName, ...result });
    return ExitCode.Ok;
  }
  const verb = { created: 'created', updated: 'updated', unchanged: 'already up to date:' }[result.action];
  io.stdout(
    `${paint(io, 'green', '✔')} ${verb} ${result.namespace}/cacerts in ${paint(io, 'bold', contextName)} (cluster ${result.cluster})\n` +
      `    trusts ${result.roots.join(', ')}\n` +
      (result.action === 'unchanged'
        ? ''
        : `    restart istiod to load it if the cluster is running: ${restartIstiod(contextName)}\n`),
  );
  return ExitCode.Ok;
}

/** Restarts every istiod of a cluster, by label: with a revision the Deployment is istiod-<revision>. */
export const restartIstiod = (context: string): string =>
  `kubectl --context ${context} -n istio-system rollout restart deployment -l app=istiod`;

/** `certs install`: live, creates or updates istio-system/cacerts in one cluster. */
export function registerCertsInstall(certs: Command, { io, setExitCode }: CommandContext): void {
  certs
    .command('install')
    .description('create or update istio-system/cacerts in a cluster from its bundle (never the root key)')
    .requiredOption('--cluster <name>', 'cluster of the topology whose bundle to install')
    .option('--context <ctx>', 'kubeconfig context (default: the cluster kubeContext in the topology)')
    .option('--kubeconfig <path>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option(
      '--allow-root-change',
      'replace a cacerts whose root the bundle does not trust (cuts the cluster off from the mesh)',
    )
    .addOption(fileOption())
    .addOption(dirOption())
    .addOption(jsonOption())
    .action(async (options: InstallOptions) => setExitCode(await install(io, options)));
}
