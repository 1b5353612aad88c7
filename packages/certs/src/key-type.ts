import type { webcrypto } from 'node:crypto';
import { CertsError } from './errors.js';

/** Key types a CA may use: the RSA sizes and NIST curves Istio's CA and Envoy accept. */
export const KEY_TYPES = ['rsa-2048', 'rsa-3072', 'rsa-4096', 'ecdsa-p256', 'ecdsa-p384'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export function isKeyType(value: string): value is KeyType {
  return (KEY_TYPES as readonly string[]).includes(value);
}

export function parseKeyType(value: string): KeyType {
  if (isKeyType(value)) return value;
  throw new CertsError(
    'CERT_INVALID_OPTIONS',
    `unknown key type "${value}" (use one of ${KEY_TYPES.join(', ')})`,
  );
}

type GenerateAlgorithm = webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams;
type ImportAlgorithm = webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams;
type SigningAlgorithm = webcrypto.Algorithm | webcrypto.EcdsaParams;

interface KeyTypeSpec {
  readonly generate: GenerateAlgorithm;
  readonly import: ImportAlgorithm;
  /** How a certificate is signed with this key (SHA-256 as Istio does; SHA-384 for P-384). */
  readonly sign: SigningAlgorithm;
}

const F4 = new Uint8Array([1, 0, 1]);

function rsa(modulusLength: number): KeyTypeSpec {
  const name = 'RSASSA-PKCS1-v1_5';
  return {
    generate: { name, modulusLength, publicExponent: F4, hash: 'SHA-256' },
    import: { name, hash: 'SHA-256' },
    sign: { name },
  };
}

function ec(namedCurve: 'P-256' | 'P-384', hash: 'SHA-256' | 'SHA-384'): KeyTypeSpec {
  return {
    generate: { name: 'ECDSA', namedCurve },
    import: { name: 'ECDSA', namedCurve },
    sign: { name: 'ECDSA', hash } as webcrypto.EcdsaParams,
  };
}

const SPECS: Record<KeyType, KeyTypeSpec> = {
  'rsa-2048': rsa(2048),
  'rsa-3072': rsa(3072),
  'rsa-4096': rsa(4096),
  'ecdsa-p256': ec('P-256', 'SHA-256'),
  'ecdsa-p384': ec('P-384', 'SHA-384'),
};

export function keyTypeSpec(type: KeyType): KeyTypeSpec {
  return SPECS[type];
}

/** Generates a key pair natively (OpenSSL inside Node through WebCrypto); extractable so it can be stored. */
export async function generateKeyPair(type: KeyType): Promise<webcrypto.CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(SPECS[type].generate, true, ['sign', 'verify']);
}

/** The key type of a node:crypto key's details, or undefined when it is none of the supported ones. */
export function keyTypeOf(
  asymmetricKeyType: string | undefined,
  details: { modulusLength?: number; namedCurve?: string } | undefined,
): KeyType | undefined {
  if (asymmetricKeyType === 'rsa') {
    const bits = details?.modulusLength;
    const type = `rsa-${bits ?? 0}`;
    return isKeyType(type) ? type : undefined;
  }
  if (asymmetricKeyType === 'ec') {
    if (details?.namedCurve === 'prime256v1') return 'ecdsa-p256';
    if (details?.namedCurve === 'secp384r1') return 'ecdsa-p384';
  }
  return undefined;
}
