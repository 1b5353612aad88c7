/** What verify can find, as a closed set: stable identifiers for scripts and `--json`. */
export type FindingCode =
  | 'missing-file'
  | 'unexpected-file'
  | 'unreadable'
  | 'expired'
  | 'not-yet-valid'
  | 'expires-soon'
  | 'outlives-root'
  | 'not-ca'
  | 'basic-constraints-not-critical'
  | 'path-length'
  | 'missing-key-cert-sign'
  | 'missing-key-identifier'
  | 'key-identifier-mismatch'
  | 'not-self-signed'
  | 'wrong-root'
  | 'root-mismatch'
  | 'chain-mismatch'
  | 'key-mismatch'
  | 'duplicate-intermediate'
  | 'subject-mismatch'
  | 'missing-san'
  | 'missing-cluster';

export type Severity = 'error' | 'warning';

/** One problem. `scope` is `root`, `root.next` or a cluster name; messages hold names, never key material. */
export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly scope: string;
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
}

export function finding(
  severity: Severity,
  code: FindingCode,
  scope: string,
  message: string,
  hint?: string,
): Finding {
  return hint === undefined ? { severity, code, scope, message } : { severity, code, scope, message, hint };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function formatFinding(f: Finding): string {
  return `${f.severity} [${f.code}] ${f.scope}: ${f.message}${f.hint ? `\n    fix: ${f.hint}` : ''}`;
}
