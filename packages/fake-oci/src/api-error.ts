/** An OCI-style error response: HTTP status plus the `{code, message}` body the SDK parses into `OciError`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) =>
  new ApiError(
    404,
    'NotAuthorizedOrNotFound',
    `Authorization failed or requested resource not found: ${what}`,
  );
export const incorrectState = (message: string) => new ApiError(409, 'IncorrectState', message);
export const conflict = (message: string) => new ApiError(409, 'Conflict', message);
export const invalidParameter = (message: string) => new ApiError(400, 'InvalidParameter', message);
export const missingParameter = (name: string) =>
  new ApiError(400, 'MissingParameter', `${name} is required`);
