/** Every failure of the okemesh scaffolder actions. */
export type OkemeshActionErrorCode =
  'OKEMESH_TOPOLOGY_INVALID' | 'OKEMESH_TOPOLOGY_UNREADABLE' | 'OKEMESH_LINT_INPUT' | 'OKEMESH_LINT_FAILED';

export class OkemeshActionError extends Error {
  override name = 'OkemeshActionError';
  readonly code: OkemeshActionErrorCode;

  constructor(code: OkemeshActionErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${message} [${code}]`, options);
    this.code = code;
  }
}
