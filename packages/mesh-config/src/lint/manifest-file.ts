import {
  parseManifests,
  type ManifestSyntaxError,
  type ParsedDocument,
  type SourcePosition,
} from '../parse.js';
import type { LintDocument } from './lint.js';

/** The documents of one manifest file for `lint()`, and its syntax errors (with file:line). */
export interface ManifestFile {
  readonly documents: readonly LintDocument[];
  readonly errors: readonly ManifestSyntaxError[];
}

/** js-yaml's `loadAll`, loaded on first use so importing @okemesh/mesh-config stays light. */
export type LoadAll = (text: string, options: { readonly maxAliases: number }) => unknown[];

export async function loadValueParser(): Promise<LoadAll> {
  const { loadAll } = await import('js-yaml');
  return (text, options) => loadAll(text, options);
}

const nowhere: SourcePosition = { line: 1, column: 1 };

/**
 * Parses a manifest for linting. Values come from js-yaml (YAML 1.2 core schema, duplicate keys rejected, no
 * aliases), which is an order of magnitude faster than building `yaml`'s CST; positions are computed only when a
 * finding asks for one, by parsing that file once with `parseManifests`. Any file js-yaml refuses (a syntax
 * error, a duplicate key, an alias, a custom tag) goes through `parseManifests` alone, so its errors and alias
 * limits are exactly those of the `yaml` path.
 */
export function parseManifestFile(text: string, file: string, loadAll: LoadAll): ManifestFile {
  let values: unknown[];
  try {
    values = loadAll(text, { maxAliases: 0 }).filter((v) => v !== null && v !== undefined);
  } catch {
    return parseManifests(text, file);
  }
  let located: readonly ParsedDocument[] | undefined;
  const documents = values.map((value, index): LintDocument => {
    const locate = (path: readonly (string | number)[]): SourcePosition => {
      located ??= parseManifests(text, file).documents;
      // Both parsers drop empty documents, so the index-th value is the index-th located document.
      return located[index]?.locate(path) ?? nowhere;
    };
    return { file, value, locate };
  });
  return { documents, errors: [] };
}
