/** Severity as istioctl prints it. */
export type Level = 'Error' | 'Warning' | 'Info';

/** Severity order: a finding fails a run when its rank reaches the threshold's (`--fail-on`). */
export const levelRank: Readonly<Record<Level, number>> = { Info: 0, Warning: 1, Error: 2 };

/** One problem found by `lint()`. */
export interface Finding {
  /** `IST0xxx` (same meaning as istioctl analyze) or `OKM0xxx` (okemesh's own multicluster rules). */
  readonly code: string;
  readonly level: Level;
  readonly message: string;
  /** `Kind namespace/name` as istioctl prints it; the namespace is omitted when the input omits it. */
  readonly resource: string;
  readonly file: string;
  /** 1-based line of the offending field (or of the resource when the field is absent). */
  readonly line: number;
  /** One-line fix. */
  readonly hint: string;
  /** Cluster directory the resource came from, for a multicluster mesh. */
  readonly cluster?: string;
  /** Analyzer or rule that produced the finding (e.g. `virtualservice.DestinationHostAnalyzer`, `okemesh.EastWestGateway`). */
  readonly analyzer: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}
