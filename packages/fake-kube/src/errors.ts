/** Closed set of failures the fake raises; each API failure maps onto one Kubernetes `Status` reason. */
export type FakeKubeErrorCode =
  | 'FAKE_KUBE_BAD_REQUEST'
  | 'FAKE_KUBE_UNAUTHORIZED'
  | 'FAKE_KUBE_FORBIDDEN'
  | 'FAKE_KUBE_NOT_FOUND'
  | 'FAKE_KUBE_METHOD_NOT_ALLOWED'
  | 'FAKE_KUBE_ALREADY_EXISTS'
  | 'FAKE_KUBE_CONFLICT'
  | 'FAKE_KUBE_EXPIRED'
  | 'FAKE_KUBE_UNSUPPORTED_MEDIA_TYPE'
  | 'FAKE_KUBE_INVALID'
  | 'FAKE_KUBE_TOO_MANY_REQUESTS'
  | 'FAKE_KUBE_INTERNAL'
  | 'FAKE_KUBE_UNKNOWN_KIND'
  | 'FAKE_KUBE_START_FAILED';

/** `details` of a Kubernetes `Status` object. */
export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  /** Resource plural for most reasons (`secrets`), as the real API server reports it. */
  readonly kind?: string;
  readonly uid?: string;
  readonly causes?: readonly StatusCause[];
}

export interface StatusCause {
  readonly reason: string;
  readonly message: string;
  readonly field: string;
}

/** The one error class of this package. Thrown by the store (test hooks) and turned into `Status` on the wire. */
export class FakeKubeError extends Error {
  readonly code: FakeKubeErrorCode;
  readonly details: StatusDetails | undefined;

  constructor(
    code: FakeKubeErrorCode,
    message: string,
    details?: StatusDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FakeKubeError';
    this.code = code;
    this.details = details;
  }
}

export function isFakeKubeError(value: unknown): value is FakeKubeError {
  return (
    typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'FakeKubeError'
  );
}
