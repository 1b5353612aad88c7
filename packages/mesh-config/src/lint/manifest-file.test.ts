import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifests } from '../parse.js';
import { loadValueParser, parseManifestFile, type LoadAll } from './manifest-file.js';

const conformance = fileURLToPath(new URL('../../../../../shared/conformance/', import.meta.url));
const golden = fileURLToPath(new URL('../../test/golden/', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every path to a scalar or collection in a value (bounded, so huge CRDs stay quick). */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (out.length > 200) return out;
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

describe('parseManifestFile', () => {
  let loadAll: LoadAll;
  beforeAll(async () => {
    loadAll = await loadValueParser();
  });

  const corpus: [name: string, path: string][] = [
    ...yamlFiles(`${conformance}istio-analyzers/testdata`),
    ...yamlFiles(golden),
    `${conformance}istio-crds/crd-all.gen.yaml`,
  ].map((f) => [relative(f.startsWith(golden) ? golden : conformance, f), f]);

  it('reads the corpus (istioctl testdata, golden bundles, Istio CRDs)', () => {
    expect(corpus.length).toBeGreaterThan(250);
  });

  it.each(corpus)('%s: same values, errors and positions as parseManifests', (name, path) => {
    const text = readFileSync(path, 'utf8');
    const reference = parseManifests(text, name);
    const fast = parseManifestFile(text, name, loadAll);
    expect(fast.errors).toEqual(reference.errors);
    expect(fast.documents.map((d) => d.value)).toEqual(reference.documents.map((d) => d.value));
    fast.documents.forEach((doc, i) => {
      for (const p of paths(doc.value)) expect(doc.locate(p)).toEqual(reference.documents[i]?.locate(p));
    });
  });

  it('sends what js-yaml refuses through the yaml path: syntax errors, duplicate keys, aliases', () => {
    const cases = {
      'bad.yaml': 'a: 1\n---\nb: [\n',
      'dup.yaml': 'kind: Service\nkind: Pod\n',
      'bomb.yaml': 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n',
      'tag.yaml': 'kind: !custom Service\n',
    };
    for (const [file, text] of Object.entries(cases)) {
      const reference = parseManifests(text, file);
      const fast = parseManifestFile(text, file, loadAll);
      expect(fast.errors).toEqual(reference.errors);
      expect(fast.documents.map((d) => [d.value, d.locate(['kind'])])).toEqual(
        reference.documents.map((d) => [d.value, d.locate(['kind'])]),
      );
    }
    expect(parseManifestFile(cases['bad.yaml'], 'bad.yaml', loadAll).errors).toHaveLength(1);
    expect(parseManifestFile(cases['tag.yaml'], 'tag.yaml', loadAll).documents).toHaveLength(1);
    expect(parseManifestFile(cases['dup.yaml'], 'dup.yaml', loadAll).errors[0]?.line).toBe(2);
  });

  it('parses positions only when a finding asks for one', () => {
    let calls = 0;
    const counting: LoadAll = (text, options) => {
      calls += 1;
      return loadAll(text, options);
    };
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\n---\nkind: Pod\nspec:\n  x: 1\n';
    const { documents } = parseManifestFile(text, 'two.yaml', counting);
    expect(calls).toBe(1);
    expect(documents.map((d) => d.value)).toEqual([
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' } },
      { kind: 'Pod', spec: { x: 1 } },
    ]);
    expect(documents[1]?.locate(['spec', 'x'])).toEqual({ line: 9, column: 3 });
    expect(documents[0]?.locate(['metadata', 'name'])).toEqual({ line: 4, column: 3 });
  });
});
