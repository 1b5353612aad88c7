import { CustomErrorBase } from '@backstage/errors';

/** Every failure the okemesh backend reports; the HTTP status follows from the code. */
export type OkemeshBackendErrorCode =
  | 'OKEMESH_ENTITY_NOT_FOUND'
  | 'OKEMESH_NO_ANNOTATION'
  | 'OKEMESH_TOPOLOGY_UNREADABLE'
  | 'OKEMESH_TOPOLOGY_INVALID'
  | 'OKEMESH_UNKNOWN_SCENARIO'
  | 'OKEMESH_NOT_OWNER'
  | 'OKEMESH_DRILL_LOCKED'
  | 'OKEMESH_DRILL_NOT_FOUND'
  | 'OKEMESH_DRILL_NOT_FINISHED';

// Backstage's error middleware maps these names to statuses (NotFoundError → 404, ...).
const errorName: Readonly<Record<OkemeshBackendErrorCode, string>> = {
  OKEMESH_ENTITY_NOT_FOUND: 'NotFoundError',
  OKEMESH_NO_ANNOTATION: 'NotFoundError',
  OKEMESH_TOPOLOGY_UNREADABLE: 'NotFoundError',
  OKEMESH_TOPOLOGY_INVALID: 'InputError',
  OKEMESH_UNKNOWN_SCENARIO: 'InputError',
  OKEMESH_NOT_OWNER: 'NotAllowedError',
  OKEMESH_DRILL_LOCKED: 'ConflictError',
  OKEMESH_DRILL_NOT_FOUND: 'NotFoundError',
  OKEMESH_DRILL_NOT_FINISHED: 'ConflictError',
};

export class OkemeshBackendError extends CustomErrorBase {
  override name: string;
  readonly code: OkemeshBackendErrorCode;

  constructor(code: OkemeshBackendErrorCode, message: string, cause?: unknown) {
    super(`${message} [${code}]`, cause);
    this.code = code;
    this.name = errorName[code];
  }
}

export function isOkemeshBackendError(error: unknown): error is OkemeshBackendError {
  return error instanceof OkemeshBackendError;
}
