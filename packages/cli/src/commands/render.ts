import type { KubeObject } from '@okemesh/mesh-config';
import { Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { constants, writeFile as writeFileCallback } from 'node:fs';
import { access, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { CommandFailed, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopologySource } from '../topology-input.js';

/** The topology's own text, at the bundle root (lint finds it there). */
const BUNDLE_TOPOLOGY_FILE = 'mesh.yaml';

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

/** A bundle file as written: private key material is written 0600. */
interface BundleFileToWrite {
  readonly path: string;
  readonly content: string;
  readonly mode?: number;
}

/** Where `--certs-mode secret` puts the cacerts Secrets: outside every kustomization, git-ignored, 0600. */
const SECRETS_DIR = 'secrets';

/** First line of the bundle README: how a directory is recognised as a bundle okemesh may replace. */
const BUNDLE_MARKER = '# okemesh bundle:';

async function isReplaceable(dir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTDIR')
      throw new UsageError(`${dir} is a file, not a directory; choose another --output`);
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
export async function writeBundle(
  bundle: { readonly files: readonly BundleFileToWrite[] },
  dir: string,
): Promise<void> {
  if (!(await isReplaceable(dir))) {
    throw new UsageError(`${dir} exists and is not an okemesh bundle; choose another --output or remove it`);
  }
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  await access(parent, constants.W_OK).catch((cause: NodeJS.ErrnoException) => {
    throw new UsageError(
      `cannot write ${dir}: ${parent} is not writable (${cause.code === 'EROFS' ? 'read-only file system' : 'permission denied'}); choose another --output`,
    );
  });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(dirname(dir), `.${basename(dir)}.tmp-${suffix}`);
  const previous = join(dirname(dir), `.${basename(dir)}.old-${suffix}`);
  try {
    // Each directory once, then the files with at most `concurrency` writes in flight (a 64×1000 bundle is
    // ~190k files). node:fs callbacks, not fs/promises: no FileHandle or promise chain per file, ~1.5x the files/s.
    const concurrency = 64;
    const targets = bundle.files.map((file) => ({ file, target: join(staging, ...file.path.split('/')) }));
    for (const parentDir of new Set(targets.map(({ target }) => dirname(target))))
      await mkdir(parentDir, { recursive: true });
    await new Promise<void>((resolveAll, rejectAll) => {
      let next = 0;
      let active = 0;
      let failure: NodeJS.ErrnoException | undefined;
      // Settles only once every write in flight has finished, so the cleanup below never races a write.
      const pump = (): void => {
        while (failure === undefined && active < concurrency && next < targets.length) {
          const { file, target } = targets[next++] as (typeof targets)[number];
          active += 1;
          writeFileCallback(target, file.content, { flag: 'wx', mode: file.mode ?? 0o644 }, (error) => {
            active -= 1;
            if (error) failure ??= error;
            if (active > 0) pump();
            else if (failure) rejectAll(failure);
            else if (next >= targets.length) resolveAll();
            else pump();
          });
        }
        if (active === 0 && failure === undefined && next >= targets.length) resolveAll();
      };
      pump();
    });
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

/**
 * The per-cluster `cacerts` objects of a certificate store (`--certs`), verified first. ExternalSecrets join the
 * kustomization Argo CD syncs from Git; in `secret` mode the Secrets (they hold the intermediate CA key) become
 * 0600 files under secrets/, outside every kustomization and git-ignored, to be applied by hand.
 */
async function certsObjects(io: Io, options: RenderCommandOptions, clusters: readonly string[]) {
  const none = { objects: {}, secretFiles: [] as BundleFileToWrite[], warnings: [] as string[] };
  if (options.certs === undefined) return none;
  const { cacertsManifests, isCertsError } = await import('@okemesh/certs');
  const manifests = await cacertsManifests(resolve(io.cwd, options.certs), {
    now: new Date(),
    mode: options.certsMode,
    clusters,
  }).catch((error: unknown) => {
    if (isCertsError(error)) throw new CommandFailed(`--certs ${options.certs}: ${error.message}`);
    throw error;
  });
  const objects = manifests.clusters as Record<string, readonly KubeObject[]>;
  if (options.certsMode !== 'secret') return { ...none, objects, warnings: [...manifests.warnings] };
  const { toYamlDocuments } = await import('@okemesh/mesh-config');
  const secretFiles: BundleFileToWrite[] = Object.entries(objects).map(([cluster, list]) => ({
    path: `${SECRETS_DIR}/${cluster}/cacerts.yaml`,
    content: toYamlDocuments(list),
    mode: 0o600,
  }));
  secretFiles.push(
    {
      path: '.gitignore',
      content: `# private keys: never commit them (okemesh render --certs-mode secret)\n/${SECRETS_DIR}/\n`,
    },
    {
      path: `${SECRETS_DIR}/README.md`,
      content: [
        '# cacerts Secrets (private keys)',
        '',
        "Each file holds a cluster's intermediate CA key. They are not part of any kustomization and are",
        'git-ignored: apply each one by hand before installing istiod, then delete this directory.',
        '',
        ...clusters.map(
          (c) => `    kubectl --context <${c} context> apply -f ${SECRETS_DIR}/${c}/cacerts.yaml`,
        ),
        '',
        'To keep keys out of the bundle altogether, render with `--certs-mode external-secret` (OCI Vault).',
        '',
      ].join('\n'),
    },
  );
  const warnings = [
    ...manifests.warnings.filter((w) => !/private key/i.test(w)),
    `${SECRETS_DIR}/ holds each cluster's intermediate CA private key (files 0600, git-ignored, outside the kustomizations): apply them with kubectl as ${SECRETS_DIR}/README.md says, never commit them`,
  ];
  return { objects: {}, secretFiles, warnings };
}

export async function renderCommand(io: Io, options: RenderCommandOptions): Promise<number> {
  const source = await readTopologySource(io, options.file);
  const loaded = source.loaded;
  const { render } = await import('@okemesh/mesh-config');
  const { ociArtifacts } = await import('@okemesh/oci-network/plan');
  const certs = await certsObjects(
    io,
    options,
    loaded.topology.spec.clusters.map((c) => c.name),
  );
  const nsg = options.eastWestNsg?.length ? eastWestNsgIds(options.eastWestNsg) : undefined;
  const bundle = render(loaded.topology, {
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
  // The bundle carries its topology, so `okemesh lint <bundle>` knows the declared clusters and services.
  const files: BundleFileToWrite[] = [
    ...bundle.files,
    ...certs.secretFiles,
    { path: BUNDLE_TOPOLOGY_FILE, content: source.text },
  ];
  await writeBundle({ ...bundle, files }, out);

  const shown = relative(io.cwd, out) || '.';
  const clusters = loaded.topology.spec.clusters.map((c) => c.name);
  if (options.json) {
    printJson(io, {
      output: out,
      clusters,
      files: files.map((f) => f.path),
      objects: bundle.objects.length,
      containsPrivateKeys: options.certs !== undefined && options.certsMode === 'secret',
      warnings: certs.warnings,
    });
    return ExitCode.Ok;
  }
  const lines = [
    `${paint(io, 'green', '✔')} wrote ${files.length} files (${bundle.objects.length} objects) to ${paint(io, 'bold', shown)}`,
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
        'external-secret: an ExternalSecret backed by OCI Vault (no key in the bundle); secret: the Secrets themselves, as 0600 git-ignored files under secrets/ to apply by hand',
      )
        .choices(['secret', 'external-secret'])
        .default('external-secret'),
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
