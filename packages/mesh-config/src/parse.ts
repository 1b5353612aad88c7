import { isMap, isNode, isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { isKubeObject, type UnknownKubeObject } from './model/kube-object.js';

/** 1-based source position. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** One document of a multi-document manifest, with where it came from. */
export interface ParsedDocument {
  readonly file: string;
  /** 0-based index of the document within the file (empty documents count too). */
  readonly index: number;
  /** Position of the document's first node. */
  readonly position: SourcePosition;
  readonly value: unknown;
  /** The value as a Kubernetes object, when it has apiVersion, kind and metadata.name. */
  readonly object: UnknownKubeObject | undefined;
  /** Position of the node at `path` (e.g. `['spec', 'servers', 0, 'tls']`); the nearest existing ancestor otherwise. */
  readonly locate: (path: readonly (string | number)[]) => SourcePosition;
}

export interface ManifestSyntaxError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ParsedManifests {
  readonly documents: readonly ParsedDocument[];
  readonly errors: readonly ManifestSyntaxError[];
}

const MAX_ALIAS_COUNT = 100;

/**
 * Parses a multi-document YAML manifest, keeping line numbers for every document and field.
 * Syntax errors are collected, not thrown; documents with errors are left out of `documents`.
 */
export function parseManifests(text: string, file = 'manifest.yaml'): ParsedManifests {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const errors: ManifestSyntaxError[] = [];
  const documents: ParsedDocument[] = [];
  const at = (offset: number): SourcePosition => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  [...parsed].forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) errors.push({ file, ...at(err.pos[0]), message: firstLine(err.message) });
      return;
    }
    if (doc.contents === null) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (cause) {
      errors.push({ file, ...at(doc.contents.range?.[0] ?? 0), message: firstLine(String(cause)) });
      return;
    }
    if (value === null || value === undefined) return;
    const start = at(doc.contents.range?.[0] ?? 0);
    documents.push({
      file,
      index,
      position: start,
      value,
      object: isKubeObject(value) ? value : undefined,
      locate: (path) => locate(doc, path, at) ?? start,
    });
  });
  return { documents, errors };
}

function locate(
  doc: Document,
  path: readonly (string | number)[],
  at: (offset: number) => SourcePosition,
): SourcePosition | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const prefix = path.slice(0, depth);
    if (depth > 0) {
      const parent = prefix.length === 1 ? doc.contents : doc.getIn(prefix.slice(0, -1), true);
      if (isMap(parent)) {
        const key = prefix.at(-1);
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
    }
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
