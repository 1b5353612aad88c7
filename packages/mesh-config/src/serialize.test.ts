import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse.js';
import { toJson, toYaml, toYamlDocuments } from './serialize.js';

describe('toYaml', () => {
  it('puts apiVersion, kind, metadata first, drops undefined and sorts the rest', () => {
    const text = toYaml({
      spec: { z: 1, a: undefined, b: [undefined, 'x'] },
      metadata: { namespace: 'ns', labels: { b: '1', a: '2' }, name: 'web' },
      kind: 'Thing',
      apiVersion: 'v1',
    });
    expect(text).toBe(
      'apiVersion: v1\nkind: Thing\nmetadata:\n  name: web\n  namespace: ns\n  labels:\n    a: "2"\n    b: "1"\nspec:\n  b:\n    - x\n  z: 1\n',
    );
  });

  it('quotes YAML 1.1 booleans and octal-looking strings and never folds long lines', () => {
    const long = 'x'.repeat(200);
    const text = toYaml({ a: 'yes', b: 'on', c: '0755', d: 'true', e: long, f: 'n' });
    expect(text).toContain('a: "yes"');
    expect(text).toContain('b: "on"');
    expect(text).toContain('c: "0755"');
    expect(text).toContain('d: "true"');
    expect(text).toContain(`e: ${long}\n`);
    expect(text).toContain('f: "n"');
  });

  it('rejects class instances and non-finite numbers', () => {
    expect(() => toYaml({ when: new Date(0) })).toThrow(/class instance/);
    expect(() => toYaml({ n: Number.NaN })).toThrow(/NaN/);
  });

  it('writes comments above a document and separates documents with ---', () => {
    expect(toYaml({ a: 1 }, 'why\nbecause')).toBe('# why\n# because\na: 1\n');
    expect(toYamlDocuments([{ a: 1 }, { value: 2 }])).toBe('a: 1\n---\nvalue: 2\n');
  });

  it('writes JSON with the same key order and a trailing newline', () => {
    expect(toJson({ b: 1, a: undefined, name: 'x' })).toBe('{\n  "name": "x",\n  "b": 1\n}\n');
  });
});

describe('parseManifests', () => {
  const text = [
    '# header',
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: a',
    '---',
    '---',
    'apiVersion: networking.istio.io/v1',
    'kind: Gateway',
    'metadata: {name: g, namespace: istio-system}',
    'spec:',
    '  servers:',
    '    - port: {number: 80}',
    '      hosts: ["*"]',
    '',
  ].join('\n');

  it('keeps the line of every document and can locate fields', () => {
    const { documents, errors } = parseManifests(text, 'bundle.yaml');
    expect(errors).toEqual([]);
    expect(documents.map((d) => [d.index, d.position.line, d.object?.kind])).toEqual([
      [0, 2, 'Namespace'],
      [2, 8, 'Gateway'],
    ]);
    const gateway = documents[1];
    if (!gateway) throw new Error('second document missing');
    expect(gateway.locate(['spec', 'servers', 0, 'hosts'])).toEqual({ line: 14, column: 7 });
    expect(gateway.locate(['spec', 'servers', 0, 'tls', 'mode'])).toEqual({ line: 13, column: 7 });
    expect(gateway.file).toBe('bundle.yaml');
  });

  it('round-trips the serializer output', () => {
    const objects = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'on' } }];
    const { documents } = parseManifests(toYamlDocuments(objects));
    expect(documents.map((d) => d.value)).toEqual(objects);
  });

  it('collects syntax errors with their line instead of throwing', () => {
    const { documents, errors } = parseManifests('a: 1\n---\nb: [\n', 'bad.yaml');
    expect(documents).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'bad.yaml', line: expect.any(Number) });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(3);
  });
});
