import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Level } from '../finding.js';
import { istioMessages } from '../messages.js';
import { okmRules } from '../okemesh/codes.js';

/** A SARIF 2.1.0 log (the shape GitHub code scanning reads). */
export interface SarifLog {
  readonly version: '2.1.0';
  readonly $schema: string;
  readonly runs: readonly unknown[];
}

const sarifLevel: Record<Level, Result.level> = { Error: 'error', Warning: 'warning', Info: 'note' };

function rule(code: string): ReportingDescriptor {
  const okm = (okmRules as Record<string, { name: string; level: Level; summary: string } | undefined>)[code];
  const ist = istioMessages[code];
  const name = okm?.name ?? ist?.name ?? code;
  const level = okm?.level ?? ist?.level ?? 'Error';
  return {
    id: code,
    name,
    shortDescription: { text: okm?.summary ?? name },
    ...(code.startsWith('IST')
      ? { helpUri: `https://istio.io/latest/docs/reference/config/analysis/${code.toLowerCase()}/` }
      : {}),
    defaultConfiguration: { level: sarifLevel[level] },
  };
}

/** Findings as SARIF 2.1.0: one run, one rule per code, file/line locations relative to the repository root. */
export function formatSarif(findings: readonly Finding[], toolVersion = '0.1.0'): SarifLog {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const results: Result[] = findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: codes.indexOf(f.code),
    level: sarifLevel[f.level],
    message: { text: `${f.message} (${f.resource})\nFix: ${f.hint}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file.split('\\').join('/') },
          region: { startLine: Math.max(1, f.line) },
        },
        logicalLocations: [{ name: f.resource, kind: 'resource' }],
      },
    ],
    partialFingerprints: { okemeshFinding: `${f.code}|${f.resource}|${f.cluster ?? ''}|${f.message}` },
    ...(f.cluster === undefined ? {} : { properties: { cluster: f.cluster } }),
  }));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      { tool: { driver: { name: 'okemesh lint', version: toolVersion, rules: codes.map(rule) } }, results },
    ],
  };
  return log as SarifLog;
}
