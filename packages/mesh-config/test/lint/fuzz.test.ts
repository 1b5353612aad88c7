import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { parseManifests } from '../../src/parse.js';
import { formatSarif } from '../../src/lint/format/sarif.js';
import { formatText } from '../../src/lint/format/text.js';
import { conformanceDir } from './crd-reference.js';

const corpusDir = `${conformanceDir}istio-analyzers/testdata/`;
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(corpusDir + f, 'utf8'));

function lintText(text: string): void {
  const { documents } = parseManifests(text, 'fuzz.yaml');
  const findings = lint(documents);
  formatText(findings);
  JSON.stringify(formatSarif(findings));
  for (const f of findings) expect(f.line).toBeGreaterThanOrEqual(1);
}

/** Mutations that keep YAML mostly parseable: delete, duplicate or swap lines, replace scalars, change indentation. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    op: fc.constant('scalar' as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.constant('null'),
      fc.constant('[]'),
      fc.constant('{}'),
      fc.constant('-1'),
      fc.constant('"*"'),
      fc.string({ maxLength: 8 }),
    ),
  }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

interface Mutation {
  readonly op: string;
  readonly at: number;
  readonly with?: number;
  readonly value?: string;
  readonly by?: number;
}

function mutate(text: string, ops: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const m of ops) {
    const i = m.at % Math.max(1, lines.length);
    const line = lines[i] ?? '';
    if (m.op === 'delete') lines.splice(i, 1);
    else if (m.op === 'duplicate') lines.splice(i, 0, line);
    else if (m.op === 'swap') {
      const j = (m.with ?? 0) % Math.max(1, lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', line];
    } else if (m.op === 'scalar') lines[i] = line.replace(/:\s.*$/, `: ${m.value ?? ''}`);
    else if (m.op === 'indent')
      lines[i] = (m.by ?? 0) >= 0 ? ' '.repeat(m.by ?? 0) + line : line.slice(-(m.by ?? 0));
  }
  return lines.join('\n');
}

describe('robustness: lint never throws', () => {
  it('on mutated conformance YAML', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (index, ops) => {
          lintText(mutate(corpus[index] ?? '', ops));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON-ish documents with Istio kinds', () => {
    const kinds = [
      'VirtualService',
      'DestinationRule',
      'Gateway',
      'ServiceEntry',
      'Sidecar',
      'AuthorizationPolicy',
      'PeerAuthentication',
      'IstioOperator',
      'Secret',
      'Service',
      'Pod',
      'Namespace',
      'List',
    ];
    const groups = [
      'networking.istio.io/v1',
      'security.istio.io/v1',
      'install.istio.io/v1alpha1',
      'v1',
      'networking.istio.io/v1alpha3',
    ];
    const doc = fc.record({
      apiVersion: fc.constantFrom(...groups),
      kind: fc.constantFrom(...kinds),
      metadata: fc.record({
        name: fc.oneof(fc.string(), fc.constant('x')),
        namespace: fc.option(fc.string()),
        labels: fc.option(fc.dictionary(fc.string(), fc.string())),
      }),
      spec: fc.anything(),
      data: fc.option(fc.dictionary(fc.string(), fc.string())),
      items: fc.option(fc.array(fc.anything(), { maxLength: 3 })),
    });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 5 }), (docs) => {
        const findings = lint(
          docs.map((value, i) => ({ file: `doc${i}.yaml`, value, locate: () => ({ line: 1, column: 1 }) })),
        );
        expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        lintText(text);
      }),
      { numRuns: 300 },
    );
  });
});
