import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { validateIstioStrict } from '../../src/lint/schema/strict-validator.js';
import { asSchema, conformanceDir, crdSchemas, loadCrdValidators, sampleOf } from './crd-reference.js';

interface Doc {
  readonly apiVersion: string;
  readonly kind: string;
  readonly [key: string]: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function deepestObject(value: unknown): Obj {
  let best: { depth: number; obj: Obj } = { depth: -1, obj: {} };
  const walk = (v: unknown, depth: number): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (isObj(v)) {
      if (depth > best.depth) best = { depth, obj: v };
      Object.values(v).forEach((x) => walk(x, depth + 1));
    }
  };
  walk(value, 0);
  return best.obj;
}

function replaceStrings(value: unknown): void {
  if (Array.isArray(value))
    value.forEach((x, i) => (typeof x === 'string' ? (value[i] = 'BOGUS') : replaceStrings(x)));
  else if (isObj(value)) {
    for (const [k, x] of Object.entries(value)) {
      if (typeof x === 'string') value[k] = 'BOGUS';
      else replaceStrings(x);
    }
  }
}

/** Every Istio document of the analyzer corpus, plus mutations that strict validation must reject. */
function corpus(): { label: string; doc: Doc }[] {
  const dir = `${conformanceDir}istio-analyzers/testdata/`;
  const out: { label: string; doc: Doc }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    parseAllDocuments(readFileSync(dir + file, 'utf8')).forEach((d, i) => {
      const doc = d.toJS() as Doc | null;
      if (doc && typeof doc.apiVersion === 'string' && /istio\.io\//.test(doc.apiVersion))
        out.push({ label: `${file}#${i}`, doc });
    });
  }
  const mutations: [string, (doc: Doc) => void][] = [
    ['unknown spec field', (d) => ((d['spec'] as Record<string, unknown>)['notAField'] = true)],
    ['unknown metadata field', (d) => ((d['metadata'] as Record<string, unknown>)['nmae'] = 'x')],
    ['spec is a string', (d) => ((d as Record<string, unknown>)['spec'] = 'x')],
    ['deepest object gains a field', (d) => (deepestObject(d['spec'])['okmProbe'] = true)],
    ['every string leaf is BOGUS', (d) => replaceStrings(d['spec'])],
  ];
  const base = out.slice();
  for (const { label, doc } of base) {
    for (const [name, mutate] of mutations) {
      const copy = structuredClone(doc);
      if (copy['spec'] && typeof copy['spec'] === 'object') {
        mutate(copy);
        out.push({ label: `${label} (${name})`, doc: copy });
      }
    }
  }
  return out;
}

describe('strict validator vs Istio 1.30.3 CRDs', () => {
  let crds: Map<string, ValidateFunction>;
  beforeAll(() => {
    crds = loadCrdValidators();
  });

  it('accepts every kind and every field the 1.30.3 CRDs declare (a document setting all of them)', () => {
    const unknown: string[] = [];
    for (const [key, schema] of crdSchemas()) {
      const [group, version, kind] = key.split('/');
      const spec = sampleOf(asSchema(asSchema(schema['properties'])['spec']));
      const violations = validateIstioStrict({
        apiVersion: `${group}/${version}`,
        kind,
        metadata: { name: 'x' },
        spec,
      });
      unknown.push(
        ...violations
          .filter((v) => v.kind === 'unknown-field' || v.kind === 'unknown-kind')
          .map((v) => `${key} ${v.field}`),
      );
    }
    expect(unknown).toEqual([]);
  });

  it('accepts and rejects the same documents as the CRD schemas', () => {
    const docs = corpus();
    expect(docs.length).toBeGreaterThan(200);
    const disagreements: string[] = [];
    let rejected = 0;
    for (const { label, doc } of docs) {
      const crd = crds.get(`${doc.apiVersion}/${doc.kind}`);
      if (!crd) continue;
      const reference = crd(doc);
      const ours = validateIstioStrict(doc).length === 0;
      if (!ours) rejected += 1;
      if (reference !== ours) {
        disagreements.push(
          `${label}: crd=${reference} ours=${ours} ${JSON.stringify(crd.errors?.slice(0, 2))} ${JSON.stringify(validateIstioStrict(doc).slice(0, 2))}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
    expect(rejected).toBeGreaterThan(docs.length / 2);
  });
});
