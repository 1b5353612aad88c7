import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { render } from '../../src/render.js';
import { lint } from '../../src/lint/lint.js';
import { loadLintInput } from '../../src/lint/loader.js';
import { declaredMeshFromTopology } from '../../src/lint/okemesh/declared-mesh.js';
import { formatText } from '../../src/lint/format/text.js';
import { CASES } from '../fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('okemesh render output lints clean', () => {
  it.each(Object.keys(CASES))(
    '%s bundle, linted as a multicluster directory with its topology',
    async (name) => {
      const topology = (CASES[name] as () => Parameters<typeof render>[0])();
      const bundle = render(topology);
      const dir = mkdtempSync(join(tmpdir(), `okemesh-lint-${name}-`));
      dirs.push(dir);
      for (const file of bundle.files) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.content);
      }
      const input = await loadLintInput([dir], { cwd: dir });
      expect(input.problems).toEqual([]);
      expect(input.clusters).toEqual(topology.spec.clusters.map((c) => c.name).sort());
      const findings = lint(input.documents, { mesh: declaredMeshFromTopology(topology) });
      expect(formatText(findings)).toBe('No problems found.\n');
    },
  );
});

describe('the ingress TLS Secret the bundle cannot carry', () => {
  it('is reported missing (IST0101) when the bundle is linted without the topology declaring it', async () => {
    const topology = (CASES['three-region'] as () => Parameters<typeof render>[0])();
    const bundle = render(topology);
    const dir = mkdtempSync(join(tmpdir(), 'okemesh-lint-tls-'));
    dirs.push(dir);
    for (const file of bundle.files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const input = await loadLintInput([dir], { cwd: dir });
    const findings = lint(input.documents);
    const missing = findings.filter((f) => f.code === 'IST0101' && f.message.includes('pay-example-com-tls'));
    expect(missing.map((f) => f.resource)).toContain('Gateway istio-system/ingress');
  });
});
