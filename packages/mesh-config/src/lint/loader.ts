import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { helmTemplatePosition } from './helm-template.js';
import { kustomizationIn, kustomizationInputs } from './kustomization.js';
import type { LintDocument } from './lint.js';
import { loadValueParser, parseManifestFile, type LoadAll } from './manifest-file.js';

/** A path that could not be read or parsed; the CLI exits 2 on any. */
export interface InputProblem {
  readonly file: string;
  /** 1-based; 0 when the whole file is unreadable. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** Set when a kustomization could not be followed (a missing resource, a remote base). */
  readonly code?: 'MESH_LINT_KUSTOMIZE_FAILED';
}

export interface LintInput {
  readonly documents: readonly LintDocument[];
  readonly problems: readonly InputProblem[];
  /** Cluster names, when a path was a multicluster directory. */
  readonly clusters: readonly string[];
  readonly files: number;
}

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/** Subdirectory names of a kustomize tree: such a directory is one configuration, not a set of clusters. */
const kustomizeDirs = new Set(['base', 'bases', 'overlays', 'components']);

/** One input in walk order: a file to read, or a path that could not be read. */
type Slot =
  | { readonly path: string; readonly cluster: string | undefined; namespace: string | undefined }
  | { readonly problem: InputProblem };

interface Walk {
  readonly slots: Slot[];
  readonly clusters: string[];
  readonly display: (path: string) => string;
  /** Slot index of every file already walked: a file is linted once, a kustomization's namespace kept. */
  readonly seen: Map<string, number>;
}

/** Files read at once: enough to keep the disk busy while the CPU parses, few enough for any fd limit. */
const READ_CONCURRENCY = 32;

function readManifest(path: string, cluster: string | undefined, walk: Walk, namespace?: string): void {
  const at = walk.seen.get(path);
  if (at === undefined) {
    walk.seen.set(path, walk.slots.length);
    walk.slots.push({ path, cluster, namespace });
    return;
  }
  const slot = walk.slots[at];
  if (slot && 'path' in slot && slot.namespace === undefined) slot.namespace = namespace;
}

/** A kustomization's resources and patches first (in its namespace), then the directory's other YAML. */
async function readKustomization(dir: string, cluster: string | undefined, walk: Walk): Promise<void> {
  const file = await kustomizationIn(dir);
  if (!file) return;
  const inputs = await kustomizationInputs(file);
  for (const f of inputs.files) readManifest(f.path, cluster, walk, f.namespace);
  for (const p of inputs.problems)
    walk.slots.push({
      problem: {
        file: walk.display(p.file),
        line: 0,
        column: 0,
        message: p.message,
        code: 'MESH_LINT_KUSTOMIZE_FAILED',
      },
    });
}

/** Reads the walked files with bounded concurrency, then parses them in walk order (deterministic output). */
async function readSlots(walk: Walk, loadAll: LoadAll): Promise<LintInput> {
  const texts: (string | Error | undefined)[] = Array.from({ length: walk.slots.length });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < walk.slots.length) {
      const i = next++;
      const slot = walk.slots[i];
      if (slot && 'path' in slot)
        texts[i] = await readFile(slot.path, 'utf8').catch((error: unknown) => error as Error);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  const documents: LintDocument[] = [];
  const problems: InputProblem[] = [];
  let files = 0;
  walk.slots.forEach((slot, i) => {
    if ('problem' in slot) {
      problems.push(slot.problem);
      return;
    }
    const file = walk.display(slot.path);
    const text = texts[i];
    if (typeof text !== 'string') {
      problems.push({ file, line: 0, column: 0, message: text ? missingMessage(text) : 'unreadable' });
      return;
    }
    files += 1;
    const helm = helmTemplatePosition(text);
    if (helm) {
      problems.push({
        file,
        ...helm,
        message:
          'Helm template syntax ({{ }}): this is a chart template, not a manifest; run `helm template <release> <chart>` and lint its output',
      });
      return;
    }
    const parsed = parseManifestFile(text, file, loadAll);
    problems.push(...parsed.errors);
    for (const doc of parsed.documents)
      documents.push({
        ...doc,
        ...(slot.cluster === undefined ? {} : { cluster: slot.cluster }),
        ...(slot.namespace === undefined ? {} : { namespace: slot.namespace }),
      });
  });
  return { documents, problems, clusters: walk.clusters, files };
}

async function entries(dir: string): Promise<{ dirs: string[]; yaml: string[] }> {
  const list = await readdir(dir, { withFileTypes: true });
  const dirs = list
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => join(dir, e.name))
    .sort();
  const yaml = list
    .filter((e) => e.isFile() && isYaml(e.name))
    .map((e) => join(dir, e.name))
    .sort();
  return { dirs, yaml };
}

async function readTree(dir: string, cluster: string | undefined, walk: Walk): Promise<void> {
  await readKustomization(dir, cluster, walk);
  const { dirs, yaml } = await entries(dir);
  for (const file of yaml) readManifest(file, cluster, walk);
  for (const sub of dirs) await readTree(sub, cluster, walk);
}

async function holdsYaml(dir: string): Promise<boolean> {
  const { dirs, yaml } = await entries(dir);
  if (yaml.length > 0) return true;
  for (const sub of dirs) if (await holdsYaml(sub)) return true;
  return false;
}

/**
 * The cluster directories of a multicluster layout: `<dir>/clusters/<name>/` (what okemesh render writes), or a
 * directory with no manifests of its own (a kustomization aside) whose 2+ subdirectories each hold manifests
 * (unless they are kustomize's base/overlays/components).
 */
async function clusterDirs(dir: string): Promise<string[] | undefined> {
  const { dirs, yaml } = await entries(dir);
  const nested = dirs.find((d) => basename(d) === 'clusters');
  if (nested) {
    const inner = (await entries(nested)).dirs;
    if (inner.length > 0) return inner;
  }
  if (yaml.some((f) => !/kustomization\.ya?ml$/.test(f)) || dirs.length < 2) return undefined;
  if (dirs.some((d) => kustomizeDirs.has(basename(d)))) return undefined;
  for (const d of dirs) if (!(await holdsYaml(d))) return undefined;
  return dirs;
}

function missingMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

async function readPath(path: string, walk: Walk): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    walk.slots.push({
      problem: { file: walk.display(path), line: 0, column: 0, message: missingMessage(error) },
    });
    return;
  }
  if (!info.isDirectory()) {
    readManifest(path, undefined, walk);
    return;
  }
  const clusters = await clusterDirs(path);
  if (!clusters) {
    await readTree(path, undefined, walk);
    return;
  }
  for (const dir of clusters) {
    walk.clusters.push(basename(dir));
    await readTree(dir, basename(dir), walk);
  }
  const clusterSet = new Set(clusters);
  const { dirs, yaml } = await entries(path);
  for (const file of yaml) readManifest(file, undefined, walk);
  for (const sub of dirs)
    if (!clusterSet.has(sub) && !clusters.some((c) => c.startsWith(`${sub}/`)))
      await readTree(sub, undefined, walk);
}

/**
 * Reads files and directories for `lint()`: multi-document YAML, kustomize-style trees, and multicluster
 * layouts (documents tagged with their cluster). Never throws for bad input: unreadable files and YAML
 * syntax errors come back as problems with file and line.
 */
export async function loadLintInput(
  paths: readonly string[],
  options: { readonly cwd?: string } = {},
): Promise<LintInput> {
  const cwd = options.cwd;
  const walk: Walk = {
    slots: [],
    clusters: [],
    display: (p) => (cwd ? relative(cwd, p) || p : p),
    seen: new Map(),
  };
  for (const path of paths) await readPath(cwd ? resolve(cwd, path) : path, walk);
  return readSlots(walk, await loadValueParser());
}
