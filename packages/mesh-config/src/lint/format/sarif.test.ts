import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { lint } from '../lint.js';
import { parseManifests } from '../../parse.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

const require = createRequire(import.meta.url);
/** The OASIS SARIF 2.1.0 JSON schema, as shipped in @microsoft/jest-sarif. */
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>;

const yaml = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: east, namespace: istio-system }
spec:
  selector: { istio: egressgateway }
  servers:
    - port: { number: 15443, name: tls, protocol: TLS }
      tls: { mode: AUTO_PASSTHROUGH }
      hosts: ["*.local"]
      redirectPort: 443
`;

describe('formatSarif', () => {
  const findings = lint(parseManifests(yaml, 'manifests/gw.yaml').documents);

  it('produces a log that validates against the SARIF 2.1.0 schema', () => {
    // A draft-04 document (root "id", non-unicode patterns): compile it under $id with draft-07 semantics, which it also satisfies.
    const { $schema: _schema, id, ...rest } = schema;
    const validate = new Ajv({
      strict: false,
      allErrors: true,
      validateFormats: false,
      unicodeRegExp: false,
    }).compile({ ...rest, $id: String(id) });
    const log = formatSarif(findings);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(findings.length).toBeGreaterThan(1);
    // The schema bites: a run without a tool, or an unknown level, is rejected.
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    expect(
      validate({
        ...log,
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }],
      }),
    ).toBe(false);
  });

  it('keeps one rule per code and points results at file and line', () => {
    const log = formatSarif(findings) as unknown as {
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    const [run] = log.runs;
    const rules = run?.tool.driver.rules.map((r) => r.id) ?? [];
    expect(rules).toEqual([...new Set(findings.map((f) => f.code))].sort());
    for (const r of run?.results ?? []) expect(rules[r.ruleIndex]).toBe(r.ruleId);
    const redirect = run?.results.find((r) => r.ruleId === 'IST0106');
    expect(redirect?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'manifests/gw.yaml' },
      region: { startLine: 10 },
    });
    expect(redirect?.level).toBe('error');
  });

  it('text output has one line per finding plus its hint and a summary', () => {
    const text = formatText(findings).trimEnd().split('\n');
    expect(text).toHaveLength(findings.length * 2 + 1);
    expect(text.at(-1)).toMatch(/^\d+ finding\(s\): \d+ error\(s\)/);
    expect(formatText([])).toBe('No problems found.\n');
  });
});
