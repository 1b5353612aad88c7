import { FakeKubeError } from './errors.js';
import type { FakeKubeErrorCode, StatusDetails } from './errors.js';

/** A Kubernetes `meta/v1 Status` object, as the API server returns it for failures and some deletes. */
export interface KubeStatus {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Success' | 'Failure';
  readonly message?: string;
  readonly reason?: string;
  readonly details?: StatusDetails;
  readonly code: number;
}

const CODES: Readonly<Record<FakeKubeErrorCode, { readonly reason: string; readonly http: number }>> = {
  FAKE_KUBE_BAD_REQUEST: { reason: 'BadRequest', http: 400 },
  FAKE_KUBE_UNAUTHORIZED: { reason: 'Unauthorized', http: 401 },
  FAKE_KUBE_FORBIDDEN: { reason: 'Forbidden', http: 403 },
  FAKE_KUBE_NOT_FOUND: { reason: 'NotFound', http: 404 },
  FAKE_KUBE_METHOD_NOT_ALLOWED: { reason: 'MethodNotAllowed', http: 405 },
  FAKE_KUBE_ALREADY_EXISTS: { reason: 'AlreadyExists', http: 409 },
  FAKE_KUBE_CONFLICT: { reason: 'Conflict', http: 409 },
  FAKE_KUBE_EXPIRED: { reason: 'Expired', http: 410 },
  FAKE_KUBE_UNSUPPORTED_MEDIA_TYPE: { reason: 'UnsupportedMediaType', http: 415 },
  FAKE_KUBE_INVALID: { reason: 'Invalid', http: 422 },
  FAKE_KUBE_TOO_MANY_REQUESTS: { reason: 'TooManyRequests', http: 429 },
  FAKE_KUBE_INTERNAL: { reason: 'InternalError', http: 500 },
  FAKE_KUBE_UNKNOWN_KIND: { reason: 'NotFound', http: 404 },
  FAKE_KUBE_START_FAILED: { reason: 'InternalError', http: 500 },
};

/** Reason the real API server uses for a bare HTTP status code (used by fault injection). */
const REASON_BY_HTTP: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function failureStatus(
  code: number,
  message: string,
  reason?: string,
  details?: StatusDetails,
): KubeStatus {
  const resolved = reason ?? REASON_BY_HTTP[code] ?? 'Unknown';
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: resolved,
    ...(details === undefined ? {} : { details }),
    code,
  };
}

export function statusFromError(error: unknown): KubeStatus {
  if (error instanceof FakeKubeError) {
    const mapped = CODES[error.code];
    return failureStatus(mapped.http, error.message, mapped.reason, error.details);
  }
  const message = error instanceof Error ? error.message : String(error);
  return failureStatus(500, `Internal error occurred: ${message}`, 'InternalError');
}

export function successStatus(details: StatusDetails): KubeStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 };
}

/** `secrets "x" not found`, with the group suffix the real server adds for non-core groups. */
export function qualified(resource: string, group: string): string {
  return group === '' ? resource : `${resource}.${group}`;
}

export function notFound(resource: string, group: string, name: string): FakeKubeError {
  return new FakeKubeError('FAKE_KUBE_NOT_FOUND', `${qualified(resource, group)} "${name}" not found`, {
    name,
    ...(group === '' ? {} : { group }),
    kind: resource,
  });
}
