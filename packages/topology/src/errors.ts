/** One problem found in a topology document, located in its source file. */
export interface TopologyIssue {
  readonly severity: 'error' | 'warning';
  /** Stable rule identifier, e.g. `schema`, `cidr-overlap`, `flannel-cross-cluster`. */
  readonly rule: string;
  readonly file: string;
  /** 1-based line and column of the offending node (its key, for a missing value). */
  readonly line: number;
  readonly column: number;
  /** Dotted path with indices, e.g. `spec.clusters[1].vcn.cidr`. */
  readonly path: string;
  readonly message: string;
  /** What would be right, as an instruction. */
  readonly hint?: string;
}

export type TopologyErrorCode = 'TOPOLOGY_YAML_SYNTAX' | 'TOPOLOGY_INVALID' | 'TOPOLOGY_READ_FAILED';

const BRAND = Symbol.for('okemesh.error');

/** Thrown by the loader after all problems are collected: one error, every issue. */
export class TopologyError extends Error {
  readonly code: TopologyErrorCode;
  readonly issues: readonly TopologyIssue[];
  readonly [BRAND] = true;

  constructor(code: TopologyErrorCode, issues: readonly TopologyIssue[], options?: { cause?: unknown }) {
    super(summarize(issues), options);
    this.name = 'TopologyError';
    this.code = code;
    this.issues = issues;
  }
}

export function isTopologyError(value: unknown): value is TopologyError {
  return (
    typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'TopologyError'
  );
}

export function formatIssue(issue: TopologyIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const hint = issue.hint ? `\n    fix: ${issue.hint}` : '';
  return `${where} ${issue.severity} ${issue.path || '(document)'}: ${issue.message}${hint}`;
}

function summarize(issues: readonly TopologyIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const lines = errors.map(formatIssue);
  return `${errors.length} problem${errors.length === 1 ? '' : 's'} in topology:\n${lines.join('\n')}`;
}
