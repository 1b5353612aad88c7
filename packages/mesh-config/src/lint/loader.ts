import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { helmTemplatePosition } from './helm-template.js';
import type { LintDocument } from './lint.js';
import { loadValueParser, parseManifestFile, type LoadAll } from './manifest-file.js';

/** A path that could not be read or parsed; the CLI exits 2 on any. */
export interface InputProblem {
  readonly file: string;
  /** 1-based; 0 when the whole file is unreadable. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
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
  { readonly path: string; readonly cluster: string | undefined } | { readonly problem: InputProblem };

interface Walk {
  readonly slots: Slot[];
  readonly clusters: string[];
  readonly display: (path: string) => string;
}

/** Files read at once: enough to keep the disk busy while the CPU parses, few enough for any fd limit. */
const READ_CONCURRENCY = 32;

function readManifest(path: string, cluster: string | undefined, walk: Walk): void {
  walk.slots.push({ path, cluster });
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
      problems.push({ file, line: 0, column: 0, message: text?.message ?? 'unreadable' });
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
      documents.push(slot.cluster === undefined ? doc : { ...doc, cluster: slot.cluster });
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

async function readPath(path: string, walk: Walk): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    walk.slots.push({
      problem: { file: walk.display(path), line: 0, column: 0, message: (error as Error).message },
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
  const walk: Walk = { slots: [], clusters: [], display: (p) => (cwd ? relative(cwd, p) || p : p) };
  for (const path of paths) await readPath(cwd ? resolve(cwd, path) : path, walk);
  return readSlots(walk, await loadValueParser());
}
