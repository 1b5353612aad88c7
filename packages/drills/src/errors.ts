/** Every failure @okemesh/drills reports, by stable code. */
export type DrillErrorCode =
  | 'DRILL_SPEC_INVALID'
  | 'DRILL_SPEC_REFERENCE'
  | 'DRILL_PROBE_INVALID'
  | 'DRILL_NO_TARGETS'
  | 'DRILL_LOCKED'
  | 'DRILL_FAULT_FAILED'
  | 'DRILL_ROLLBACK_FAILED'
  | 'DRILL_JOURNAL'
  | 'DRILL_OCI_FAILED'
  /** The RPO sequence writer could not create, write or read its table. */
  | 'DRILL_WRITER_FAILED'
  /** Database credentials are missing or given in a way okemesh refuses (a literal password). */
  | 'DRILL_CREDENTIALS';

/** The one error class of the package; check it by `name`/`code` across package boundaries. */
export class DrillError extends Error {
  readonly code: DrillErrorCode;
  readonly details: readonly string[];

  constructor(
    code: DrillErrorCode,
    message: string,
    options: { cause?: unknown; details?: readonly string[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DrillError';
    this.code = code;
    this.details = options.details ?? [];
  }
}

export function isDrillError(value: unknown): value is DrillError {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'DrillError';
}
