import { FakeKubeError } from './errors.js';
import { readPath } from './object.js';
import type { KubeObject } from './object.js';

/** One parsed requirement of a label or field selector. */
export type Requirement =
  | { readonly op: 'exists' | '!exists'; readonly key: string }
  | { readonly op: '=' | '!='; readonly key: string; readonly value: string }
  | { readonly op: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: '>' | '<'; readonly key: string; readonly value: number };

/** A compiled selector: `matches` on a flat string map (labels) or any lookup. */
export type Selector = readonly Requirement[];

function invalid(selector: string, why: string): FakeKubeError {
  return new FakeKubeError(
    'FAKE_KUBE_BAD_REQUEST',
    `unable to parse requirement: ${why} in selector "${selector}"`,
  );
}

/** Splits on commas that are not inside `( … )`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const SET_RE = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/;
const OP_RE = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/;
const KEY_RE = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;

function parseRequirement(part: string, whole: string): Requirement {
  const set = SET_RE.exec(part);
  if (set) {
    const [, key = '', op, list = ''] = set;
    const values = list
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return { op: op === 'in' ? 'in' : 'notin', key, values };
  }
  const binary = OP_RE.exec(part);
  if (binary) {
    const [, key = '', op = '', value = ''] = binary;
    if (op === '>' || op === '<') {
      const n = Number(value);
      if (!Number.isInteger(n)) throw invalid(whole, `for '${op}', the value must be an integer`);
      return { op, key, value: n };
    }
    return { op: op === '!=' ? '!=' : '=', key, value: value.trim() };
  }
  const negated = part.startsWith('!');
  const key = negated ? part.slice(1).trim() : part;
  if (!KEY_RE.test(key)) throw invalid(whole, `invalid key "${key}"`);
  return { op: negated ? '!exists' : 'exists', key };
}

/** Parses a label selector (`app=web,tier in (a,b),!legacy`). Empty text selects everything. */
export function parseSelector(text: string | undefined): Selector {
  if (text === undefined || text.trim() === '') return [];
  return splitTopLevel(text).map((part) => parseRequirement(part, text));
}

function satisfies(req: Requirement, value: string | undefined): boolean {
  switch (req.op) {
    case 'exists':
      return value !== undefined;
    case '!exists':
      return value === undefined;
    case '=':
      return value === req.value;
    case '!=':
      return value !== req.value;
    case 'in':
      return value !== undefined && req.values.includes(value);
    case 'notin':
      return value === undefined || !req.values.includes(value);
    case '>':
      return value !== undefined && Number(value) > req.value;
    case '<':
      return value !== undefined && Number(value) < req.value;
  }
}

/** True when every requirement holds for the given labels. */
export function matchesLabels(
  selector: Selector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  return selector.every((req) => satisfies(req, labels?.[req.key]));
}

/**
 * Field selectors support `=`, `==` and `!=` on any dotted path of the object (`metadata.name`,
 * `metadata.namespace`, `spec.nodeName`, `status.phase`, …).
 */
export function parseFieldSelector(text: string | undefined): Selector {
  const selector = parseSelector(text);
  for (const req of selector) {
    if (req.op !== '=' && req.op !== '!=') {
      throw new FakeKubeError(
        'FAKE_KUBE_BAD_REQUEST',
        `invalid field selector "${text ?? ''}": only =, == and != are supported`,
      );
    }
  }
  return selector;
}

export function matchesFields(selector: Selector, object: KubeObject): boolean {
  return selector.every((req) => {
    const raw = readPath(object, req.key);
    const value = raw === undefined || raw === null ? '' : String(raw);
    return satisfies(req, value);
  });
}

/** Builds the label selector text for a `matchLabels` map (used by the scale subresource). */
export function selectorText(matchLabels: Readonly<Record<string, string>>): string {
  return Object.entries(matchLabels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
