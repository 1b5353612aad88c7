import { Document, isNode } from 'yaml';

/**
 * The one serializer: plain objects → YAML, deterministic byte for byte.
 * - `undefined` values are dropped (so optional fields never print as `null`);
 * - keys are ordered `apiVersion, kind, metadata, name, namespace`, then the rest in byte order;
 * - YAML 1.1 compatible (strings like `yes`, `on`, `0755` are quoted for PyYAML/kubectl), lines never folded;
 * - `---` between documents and a trailing newline.
 */

const LEADING_KEYS: readonly string[] = ['apiVersion', 'kind', 'metadata', 'name', 'namespace'];

function compareKeys(a: string, b: string): number {
  const ra = LEADING_KEYS.indexOf(a);
  const rb = LEADING_KEYS.indexOf(b);
  if (ra !== -1 || rb !== -1)
    return (ra === -1 ? LEADING_KEYS.length : ra) - (rb === -1 ? LEADING_KEYS.length : rb);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `value` with `undefined` removed and object keys in serializer order. Throws on non-plain data. */
export function normalize(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot serialize the number ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(normalize);
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError('cannot serialize a class instance: build plain object literals');
    }
    const out: Record<string, unknown> = {};
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    for (const [key, item] of entries.sort(([a], [b]) => compareKeys(a, b))) out[key] = normalize(item);
    return out;
  }
  throw new TypeError(`cannot serialize a ${typeof value}`);
}

/** One YAML document (no `---`), ending in a newline. `comment` becomes `#` lines above it. */
export function toYaml(value: unknown, comment?: string): string {
  const doc = new Document(normalize(value), { version: '1.1' });
  if (comment !== undefined && isNode(doc.contents)) {
    doc.contents.commentBefore = comment
      .split('\n')
      .map((line) => ` ${line}`.trimEnd())
      .join('\n');
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/** Several documents joined by `---` lines, ending in a newline. */
export function toYamlDocuments(documents: readonly unknown[]): string {
  return documents.map((doc) => toYaml(doc)).join('---\n');
}

/** Pretty JSON with the same key order as the YAML, ending in a newline (Grafana dashboards). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(normalize(value), null, 2)}\n`;
}
