/** Every way an oci-network operation fails, as a closed union (checked by `code` across packages). */
export type OciNetworkErrorCode =
  | 'OCI_AUTH_FAILED'
  | 'OCI_UNSUPPORTED_TOPOLOGY'
  | 'OCI_UNSUPPORTED_CNI'
  | 'OCI_INVALID_STEERING_POLICY'
  | 'OCI_INVALID_HEALTH_CHECK'
  | 'OCI_DISCOVERY_FAILED'
  | 'OCI_API_ERROR'
  | 'OCI_TIMEOUT'
  | 'OCI_PEERING_FAILED'
  | 'OCI_RULE_CONFLICT'
  | 'OCI_NOT_OWNED'
  | 'OCI_ABORTED';

const BRAND = Symbol.for('okemesh.error');

/** Details an API failure carries so the user can quote it to Oracle support. */
export interface OciApiFailure {
  readonly statusCode?: number;
  readonly serviceCode?: string;
  readonly opcRequestId?: string;
  readonly operation?: string;
}

export class OciNetworkError extends Error {
  readonly code: OciNetworkErrorCode;
  readonly api: OciApiFailure | undefined;
  readonly [BRAND] = true;

  constructor(
    code: OciNetworkErrorCode,
    message: string,
    options: { cause?: unknown; api?: OciApiFailure } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OciNetworkError';
    this.code = code;
    this.api = options.api;
  }
}

export function isOciNetworkError(value: unknown): value is OciNetworkError {
  return (
    typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'OciNetworkError'
  );
}
