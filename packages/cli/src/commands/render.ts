import type { Bundle, KubeObject } from '@okemesh/mesh-config';
import { Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { CommandFailed, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';

interface RenderCommandOptions {
  readonly file?: string;
  readonly output: string;
  readonly json?: boolean;
  readonly repoUrl?: string;
  readonly revision?: string;
  readonly certs?: string;
  readonly certsMode: 'secret' | 'external-secret';
  readonly ingressMode: 'security-list' | 'nsg';
  readonly eastWestNsg?: readonly string[];
  readonly ingressTls: 'manual' | 'external-secret';
}

/** `--east-west-nsg ash=ocid1...,ocid1...` (repeatable) → NSG OCIDs by cluster name. */
function eastWestNsgIds(values: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const cluster = value.slice(0, at);
    const ids = value
      .slice(at + 1)
      .split(',')
      .filter((id) => id !== '');
    if (at <= 0 || ids.length === 0)
      throw new UsageError(`--east-west-nsg ${value}: expected <cluster>=<nsg-ocid>[,<nsg-ocid>]`);
    out[cluster] = [...(out[cluster] ?? []), ...ids];
  }
  return out;
}

/** First line of the bundle README: how a directory is recognised as a bundle okemesh may replace. */
const BUNDLE_MARKER = '# okemesh bundle:';

async function isReplaceable(dir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw cause;
  }
  if (entries.length === 0) return true;
  const readme = await readFile(join(dir, 'README.md'), 'utf8').catch(() => '');
  return readme.startsWith(BUNDLE_MARKER);
}

/**
 * Writes the bundle next to `dir` in a fresh temporary directory, then swaps it into place with
 * renames, so an interrupted or failed render never leaves a half-written bundle behind.
 */
export async function writeBundle(bundle: Bundle, dir: string): Promise<void> {
  if (!(await isReplaceable(dir))) {
    throw new UsageError(`${dir} exists and is not an okemesh bundle; choose another --output or remove it`);
  }
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(dirname(dir), `.${basename(dir)}.tmp-${suffix}`);
  const previous = join(dirname(dir), `.${basename(dir)}.old-${suffix}`);
  try {
    for (const file of bundle.files) {
      const target = join(staging, ...file.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content, { flag: 'wx' });
    }
    const hadPrevious = await rename(dir, previous).then(
      () => true,
      (cause: NodeJS.ErrnoException) => {
        if (cause.code === 'ENOENT') return false;
        throw cause;
      },
    );
    await rename(staging, dir);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The bundle's directory as Argo CD sees it inside the repository: the relative -o path, else its name. */
function repoPath(output: string): string {
  const normal = normalize(output).replace(/\\/g, '/').replace(/\/+$/, '');
  return isAbsolute(output) || normal.startsWith('..') ? basename(normal) : normal;
}

/** The per-cluster `cacerts` objects of a certificate store (`--certs`), verified first; keys only in `secret` mode. */
async function certsObjects(io: Io, options: RenderCommandOptions, clusters: readonly string[]) {
  if (options.certs === undefined) return { objects: {}, warnings: [] as string[] };
  const { cacertsManifests, isCertsError } = await import('@okemesh/certs');
  const manifests = await cacertsManifests(resolve(io.cwd, options.certs), {
    now: new Date(),
    mode: options.certsMode,
    clusters,
  }).catch((error: unknown) => {
    if (isCertsError(error)) throw new CommandFailed(`--certs ${options.certs}: ${error.message}`);
    throw error;
  });
  return {
    objects: manifests.clusters as Record<string, readonly KubeObject[]>,
    warnings: [...manifests.warnings],
  };
}

export async function renderCommand(io: Io, options: RenderCommandOptions): Promise<number> {
  const loaded = await readTopology(io, options.file);
  const { render } = await import('@okemesh/mesh-config');
  const { ociArtifacts } = await import('@okemesh/oci-network/plan');
  const certs = await certsObjects(
    io,
    options,
    loaded.topology.spec.clusters.map((c) => c.name),
  );
  const nsg = options.eastWestNsg?.length ? eastWestNsgIds(options.eastWestNsg) : undefined;
  const { isMeshConfigError } = await import('@okemesh/mesh-config');
  const renderWith = (options_: Parameters<typeof render>[1]) => {
    try {
      return render(loaded.topology, options_);
    } catch (error) {
      if (isMeshConfigError(error) && error.code === 'MESH_RENDER_NSG_MISSING')
        throw new CommandFailed(`--east-west-nsg: ${error.message}`);
      throw error;
    }
  };
  const bundle = renderWith({
    ...(nsg === undefined ? {} : { eastWestIngress: { mode: 'nsg', nsgIds: nsg } }),
    ...(options.ingressTls === 'external-secret' ? { ingressTlsExternalSecret: {} } : {}),
    ...(options.repoUrl === undefined ? {} : { repoURL: options.repoUrl }),
    ...(options.revision === undefined ? {} : { targetRevision: options.revision }),
    repoPath: repoPath(options.output),
    extraObjects: certs.objects,
    globalFiles: ociArtifacts(loaded.topology, { ingressMode: options.ingressMode }),
  });
  if (options.ingressMode === 'nsg' && nsg === undefined)
    certs.warnings.push(
      'the east-west NLB stays on security lists (limited to the peer VCN CIDRs); pass --east-west-nsg <cluster>=<nsg-ocid> to put it in the okemesh NSG',
    );
  for (const warning of certs.warnings) io.stderr(`${paint(io, 'yellow', 'warning:')} ${warning}\n`);
  const out = resolve(io.cwd, options.output);
  await writeBundle(bundle, out);

  const shown = relative(io.cwd, out) || '.';
  const clusters = loaded.topology.spec.clusters.map((c) => c.name);
  if (options.json) {
    printJson(io, {
      output: out,
      clusters,
      files: bundle.files.map((f) => f.path),
      objects: bundle.objects.length,
      containsPrivateKeys: options.certs !== undefined && options.certsMode === 'secret',
      warnings: certs.warnings,
    });
    return ExitCode.Ok;
  }
  const lines = [
    `${paint(io, 'green', '✔')} wrote ${bundle.files.length} files (${bundle.objects.length} objects) to ${paint(io, 'bold', shown)}`,
    ...clusters.map(
      (c) => `  ${shown}/clusters/${c}/   kubectl apply -k, istioctl/helm files under install/`,
    ),
    `  ${shown}/global/   Argo CD ApplicationSet, Grafana dashboard, OCI plan/steering/monitor/IAM under oci/`,
    `  next: follow ${shown}/RUNBOOK.md`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return ExitCode.Ok;
}

export const registerRender: CommandGroup = (program, { io, setExitCode }) => {
  program
    .command('render')
    .description(
      'render the Istio multi-primary, multi-network bundle (GitOps directories, install files, RUNBOOK.md)',
    )
    .addOption(fileOption())
    .option('-o, --output <dir>', 'output directory (replaced atomically)', 'okemesh-out')
    .option('--repo-url <url>', 'Git repository Argo CD syncs the bundle from')
    .option('--revision <ref>', 'Git revision Argo CD tracks', 'HEAD')
    .option(
      '--certs <dir>',
      "add each cluster's istio-system/cacerts from this certificate store (okemesh certs)",
    )
    .addOption(
      new Option(
        '--certs-mode <mode>',
        'secret: the Secret itself (holds private keys: keep out of Git); external-secret: an ExternalSecret backed by OCI Vault',
      )
        .choices(['secret', 'external-secret'])
        .default('secret'),
    )
    .addOption(
      new Option('--ingress-mode <mode>', 'where the OCI artifacts put the cross-region ingress rules')
        .choices(['security-list', 'nsg'])
        .default('security-list'),
    )
    .addOption(
      new Option(
        '--ingress-tls <mode>',
        'manual: RUNBOOK.md creates the ingress TLS Secret; external-secret: render an ExternalSecret from OCI Vault',
      )
        .choices(['manual', 'external-secret'])
        .default('manual'),
    )
    .option(
      '--east-west-nsg <cluster=ocid>',
      "put that cluster's east-west NLB in these NSGs (comma-separated OCIDs; security-list management None); repeatable, needed for every cluster",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(jsonOption())
    .action(async (options: RenderCommandOptions) => {
      setExitCode(await renderCommand(io, options));
    });
};
