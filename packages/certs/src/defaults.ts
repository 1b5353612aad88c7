import type { KeyType } from './key-type.js';

/**
 * Defaults: Istio's subjects and RSA-4096, but a one-year intermediate instead of Istio's ten years.
 * Importable without the X.509 machinery (`@okemesh/certs/defaults`), so a CLI can show them in --help
 * without loading @peculiar/x509.
 */
export const CA_DEFAULTS = {
  organization: 'Istio',
  rootKeyType: 'rsa-4096' as KeyType,
  intermediateKeyType: 'rsa-4096' as KeyType,
  rootValidityDays: 3650,
  intermediateValidityDays: 365,
  /** notBefore is set this far in the past so clusters with a slightly slow clock accept a fresh certificate. */
  backdateMinutes: 5,
  /** verify warns when a certificate has fewer days left than this. */
  warnDays: 30,
} as const;

export { KEY_TYPES, isKeyType } from './key-type.js';
export type { KeyType } from './key-type.js';
