/** Every way a certs operation can fail, as a closed set (checked by `code`, not by message). */
export type CertsErrorCode =
  | 'CERT_INVALID_OPTIONS'
  | 'CERT_PARSE_FAILED'
  | 'CERT_ROOT_EXISTS'
  | 'CERT_ROOT_MISSING'
  | 'CERT_CLUSTER_MISSING'
  | 'CERT_STORE_IO'
  | 'CERT_PASSPHRASE_MISSING'
  | 'CERT_KEY_DECRYPT_FAILED'
  | 'CERT_BUNDLE_INVALID'
  | 'CERT_ROOT_CHANGE_REFUSED'
  | 'CERT_ROTATION_STATE';

/**
 * The one error class of @okemesh/certs. Messages never carry key material: callers put file paths,
 * subjects and fingerprints in them, never PEM text.
 */
export class CertsError extends Error {
  readonly code: CertsErrorCode;

  constructor(code: CertsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CertsError';
    this.code = code;
  }
}

export function isCertsError(value: unknown): value is CertsError {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'CertsError';
}
