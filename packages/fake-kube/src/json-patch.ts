import { FakeKubeError } from './errors.js';
import { clone, isRecord, jsonEqual } from './object.js';

/** One RFC 6902 operation. */
export interface JsonPatchOperation {
  readonly op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  readonly path: string;
  readonly from?: string;
  readonly value?: unknown;
}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function invalid(message: string): FakeKubeError {
  return new FakeKubeError('FAKE_KUBE_INVALID', message);
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw invalid(`json patch: invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

/** Resolves the parent container of a pointer; throws when an intermediate step is missing. */
function parentOf(doc: unknown, tokens: readonly string[], path: string): { parent: Container; key: string } {
  let current: unknown = doc;
  for (const token of tokens.slice(0, -1)) {
    current = Array.isArray(current)
      ? current[Number(token)]
      : isRecord(current)
        ? current[token]
        : undefined;
    if (current === undefined) throw invalid(`json patch: path "${path}" does not exist`);
  }
  if (!Array.isArray(current) && !isRecord(current))
    throw invalid(`json patch: path "${path}" does not exist`);
  return { parent: current, key: tokens[tokens.length - 1] ?? '' };
}

function arrayIndex(array: unknown[], key: string, path: string, forInsert: boolean): number {
  if (forInsert && key === '-') return array.length;
  const index = Number(key);
  const max = forInsert ? array.length : array.length - 1;
  if (!/^\d+$/.test(key) || index > max) throw invalid(`json patch: index out of range at "${path}"`);
  return index;
}

function get(doc: unknown, path: string): unknown {
  const tokens = pointer(path);
  if (tokens.length === 0) return doc;
  const { parent, key } = parentOf(doc, tokens, path);
  const value = Array.isArray(parent) ? parent[arrayIndex(parent, key, path, false)] : parent[key];
  if (value === undefined) throw invalid(`json patch: path "${path}" does not exist`);
  return value;
}

function remove(doc: unknown, path: string): unknown {
  const tokens = pointer(path);
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, key, path, false), 1)[0];
  if (!(key in parent)) throw invalid(`json patch: path "${path}" does not exist`);
  const value = parent[key];
  Reflect.deleteProperty(parent, key);
  return value;
}

function add(doc: unknown, path: string, value: unknown, replace: boolean): unknown {
  const tokens = pointer(path);
  if (tokens.length === 0) return clone(value);
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) {
    const index = arrayIndex(parent, key, path, !replace);
    parent.splice(index, replace ? 1 : 0, clone(value));
  } else {
    if (replace && !(key in parent)) throw invalid(`json patch: path "${path}" does not exist`);
    parent[key] = clone(value);
  }
  return doc;
}

function parseOperations(patch: unknown): JsonPatchOperation[] {
  if (!Array.isArray(patch))
    throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', 'json patch: body must be a JSON array');
  return patch.map((op, i) => {
    if (
      !isRecord(op) ||
      typeof op['op'] !== 'string' ||
      !OPS.has(op['op']) ||
      typeof op['path'] !== 'string'
    ) {
      throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', `json patch: operation ${i} is malformed`);
    }
    return op as unknown as JsonPatchOperation;
  });
}

/** Applies an RFC 6902 JSON Patch to a copy of `document`. A failing `test` is `Invalid` (422). */
export function applyJsonPatch(document: unknown, patch: unknown): unknown {
  let doc = clone(document);
  for (const op of parseOperations(patch)) {
    switch (op.op) {
      case 'add':
        doc = add(doc, op.path, op.value, false);
        break;
      case 'replace':
        doc = add(doc, op.path, op.value, true);
        break;
      case 'remove':
        remove(doc, op.path);
        break;
      case 'move':
        doc = add(doc, op.path, remove(doc, op.from ?? ''), false);
        break;
      case 'copy':
        doc = add(doc, op.path, get(doc, op.from ?? ''), false);
        break;
      case 'test':
        if (!jsonEqual(get(doc, op.path), op.value))
          throw invalid(`json patch: test operation failed at "${op.path}"`);
        break;
    }
  }
  return doc;
}
