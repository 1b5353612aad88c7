import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { exampleTopologyText, isTopologyError, parseTopology, type TopologyIssue } from '../src/index.js';

const example = exampleTopologyText();
const exampleObject = parseTopology(example).topology;

/** Parses and asserts the only possible failure is a TopologyError whose issues are all located. */
function parseOrLocatedError(text: string): 'ok' | 'error' {
  try {
    parseTopology(text, { file: 'fuzz.yaml' });
    return 'ok';
  } catch (error) {
    if (!isTopologyError(error)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    const lines = text.split('\n').length;
    for (const issue of error.issues as TopologyIssue[]) {
      expect(issue.file).toBe('fuzz.yaml');
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.line).toBeLessThanOrEqual(lines + 1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
      expect(issue.message.length).toBeGreaterThan(0);
    }
    return 'error';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a node of a JSON value. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...prefix, i])));
  if (value && typeof value === 'object') {
    return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...prefix, k])));
  }
  return here;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy as Json;
}

const exampleJson = JSON.parse(JSON.stringify(exampleObject)) as Json;
const allPaths = paths(exampleJson);

const mutation = fc.oneof(
  // Replace any node with an arbitrary JSON value.
  fc.record({ path: fc.constantFrom(...allPaths), value: fc.jsonValue() as fc.Arbitrary<Json> }),
  // Delete any node.
  fc.record({
    path: fc.constantFrom(...allPaths.filter((p) => p.length > 0)),
    value: fc.constant(undefined),
  }),
  // Replace a leaf with a near-miss string (CIDRs, durations, regions).
  fc.record({
    path: fc.constantFrom(...allPaths),
    value: fc.constantFrom(
      '10.0.0.0/8',
      '10.0.0.1/16',
      '0s',
      '1d',
      'us-sanjose-2',
      '',
      'Kubernetes',
      '999999',
    ),
  }),
);

describe('loader robustness (property-based)', () => {
  it('arbitrary text never throws anything but a located TopologyError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        parseOrLocatedError(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('arbitrary YAML values never throw anything but a located TopologyError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseOrLocatedError(stringify(value));
      }),
      { numRuns: 1500 },
    );
  });

  it('structural mutations of the example are accepted or rejected with located issues', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let doc = exampleJson;
        for (const m of mutations) {
          try {
            doc = setAt(doc, m.path, m.value);
          } catch {
            // an earlier mutation removed this path's parent: skip this one
          }
        }
        parseOrLocatedError(stringify(doc));
      }),
      { numRuns: 1500 },
    );
  });

  it('text mutations of the example (deleted, duplicated, garbled lines) never escape as other errors', () => {
    const lines = example.split('\n');
    fc.assert(
      fc.property(
        fc.nat({ max: lines.length - 1 }),
        fc.constantFrom('delete', 'duplicate', 'indent', 'garble'),
        fc.string({ maxLength: 12 }),
        (index, op, noise) => {
          const copy = [...lines];
          const line = copy[index] ?? '';
          if (op === 'delete') copy.splice(index, 1);
          else if (op === 'duplicate') copy.splice(index, 0, line);
          else if (op === 'indent') copy[index] = ` ${line}`;
          else copy[index] = line.slice(0, line.length / 2) + noise + line.slice(line.length / 2);
          parseOrLocatedError(copy.join('\n'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('an unknown field anywhere is reported at its own line', () => {
    const mappingPaths = allPaths.filter((p) => {
      let node: Json = exampleJson;
      for (const key of p) node = (node as Record<string | number, Json>)[key] as Json;
      return (
        node !== null &&
        typeof node === 'object' &&
        !Array.isArray(node) &&
        p[p.length - 2] !== 'weights' &&
        p.at(-1) !== 'weights'
      );
    });
    fc.assert(
      fc.property(fc.constantFrom(...mappingPaths), (path) => {
        const doc = setAt(exampleJson, [...path, 'zzUnknownField'], 'x');
        const text = stringify(doc);
        try {
          parseTopology(text, { file: 'fuzz.yaml' });
          throw new Error(`accepted an unknown field at ${path.join('.')}`);
        } catch (error) {
          if (!isTopologyError(error)) throw error;
          const issue = error.issues.find((i) => i.message === 'unknown field "zzUnknownField"');
          expect(issue).toBeDefined();
          const expectedLine = text.split('\n').findIndex((l) => l.includes('zzUnknownField')) + 1;
          expect(issue!.line).toBe(expectedLine);
        }
      }),
      { numRuns: 300 },
    );
  });
});
