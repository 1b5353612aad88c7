import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { implementedCases, loadCases, passTable, requiredFamily, runCase } from './conformance-cases.js';

const readme = fileURLToPath(new URL('../../README.md', import.meta.url));
const begin = '<!-- conformance-table:begin -->';
const end = '<!-- conformance-table:end -->';

describe('istioctl analyzer conformance corpus', () => {
  const cases = implementedCases();
  const results = cases.map(runCase);

  it('implements every analyzer of the required families', () => {
    const required = new Set(
      loadCases()
        .filter((c) => requiredFamily.test(c.analyzer))
        .map((c) => c.analyzer),
    );
    expect([...required].filter((a) => !cases.some((c) => c.analyzer === a))).toEqual([]);
  });

  it.each(results.map((r) => [`${r.testCase.analyzer}: ${r.testCase.name}`, r] as const))(
    '%s',
    (_name, result) => {
      expect(result.actual).toEqual(result.expected);
    },
  );

  it('README carries the pass table this run produces', () => {
    const table = passTable(results);
    const text = readFileSync(readme, 'utf8');
    const current = text.slice(text.indexOf(begin) + begin.length, text.indexOf(end)).trim();
    if (process.env['OKEMESH_UPDATE_CONFORMANCE_TABLE'] === '1' && current !== table) {
      writeFileSync(
        readme,
        `${text.slice(0, text.indexOf(begin) + begin.length)}\n${table}\n${text.slice(text.indexOf(end))}`,
      );
      return;
    }
    expect(current).toBe(table);
  });
});
