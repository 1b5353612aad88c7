import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseManifests } from '../../src/parse.js';
import { lint } from '../../src/lint/lint.js';
import { istioAnalyzers } from '../../src/lint/istio-analyzers.js';
import { conformanceDir } from './crd-reference.js';

export interface ConformanceCase {
  readonly name: string;
  readonly inputFiles: readonly string[];
  readonly meshConfigFile: string | null;
  readonly meshNetworksFile: string | null;
  readonly analyzer: string;
  readonly expected: readonly { code: string; origin: string }[];
}

export interface CaseResult {
  readonly testCase: ConformanceCase;
  readonly expected: string[];
  readonly actual: string[];
  readonly pass: boolean;
}

const dir = `${conformanceDir}istio-analyzers/`;

export function loadCases(): ConformanceCase[] {
  return (JSON.parse(readFileSync(`${dir}cases.json`, 'utf8')) as { cases: ConformanceCase[] }).cases;
}

/** Families the issue requires (others are not reimplemented). */
export const requiredFamily =
  /^(virtualservice|gateway|destinationrule|serviceentry|sidecar|authz|multicluster|deprecation)\.|^service\.PortNameAnalyzer$|^schemaValidation\./;

function readYaml(file: string): Record<string, unknown> {
  return parse(readFileSync(dir + file, 'utf8')) as Record<string, unknown>;
}

/** Runs one case the way istioctl's analyzer test grid does: only the analyzer under test, default resources added. */
export function runCase(testCase: ConformanceCase): CaseResult {
  const documents = testCase.inputFiles.flatMap(
    (f) => parseManifests(readFileSync(dir + f, 'utf8'), f).documents,
  );
  const findings = lint(documents, {
    only: [testCase.analyzer],
    ...(testCase.meshConfigFile ? { meshConfig: readYaml(testCase.meshConfigFile) } : {}),
    ...(testCase.meshNetworksFile
      ? { meshNetworks: readYaml(testCase.meshNetworksFile), meshNetworksFile: testCase.meshNetworksFile }
      : {}),
  });
  const expected = testCase.expected.map((e) => `${e.code} ${e.origin}`).sort();
  const actual = findings.map((f) => `${f.code} ${f.resource}`).sort();
  return { testCase, expected, actual, pass: JSON.stringify(expected) === JSON.stringify(actual) };
}

export function implementedCases(): ConformanceCase[] {
  return loadCases().filter((c) => c.analyzer in istioAnalyzers);
}

/** The README table: one row per analyzer, passing/total. */
export function passTable(results: readonly CaseResult[]): string {
  const rows = new Map<string, { pass: number; total: number }>();
  for (const r of results) {
    const row = rows.get(r.testCase.analyzer) ?? { pass: 0, total: 0 };
    row.total += 1;
    if (r.pass) row.pass += 1;
    rows.set(r.testCase.analyzer, row);
  }
  const pass = results.filter((r) => r.pass).length;
  const lines = [
    '| Analyzer (istioctl) | Cases passing |',
    '|---|---|',
    ...[...rows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, row]) => `| \`${name}\` | ${row.pass} / ${row.total} |`),
    `| **Total** | **${pass} / ${results.length}** |`,
  ];
  return lines.join('\n');
}
