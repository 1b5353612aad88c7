import { createPrivateKey, createPublicKey, type KeyObject, type webcrypto } from 'node:crypto';
import { inspect } from 'node:util';
import { CertsError } from './errors.js';
import { keyTypeOf, keyTypeSpec, type KeyType } from './key-type.js';

const REDACTED = '[private key redacted]';
const ENCRYPTED_HEADER = '-----BEGIN ENCRYPTED PRIVATE KEY-----';
/** PKCS#8 encryption for a stored root key: PBES2 with AES-256-CBC (node:crypto's OpenSSL picks the KDF). */
const CIPHER = 'aes-256-cbc';

/**
 * An unencrypted PKCS#8 private key. It prints, stringifies and serializes as a redaction so a key can never
 * end up in a log line, an error message or `--json` output by accident; `pem()` is the one way to read it.
 */
export class PrivateKey {
  readonly #pem: string;
  readonly type: KeyType;

  private constructor(pem: string, type: KeyType) {
    this.#pem = pem;
    this.type = type;
  }

  /** Wraps a PEM key (PKCS#8, PKCS#1 or SEC1; encrypted PKCS#8 with `passphrase`). `source` names it in errors. */
  static fromPem(text: string, source: string, passphrase?: string): PrivateKey {
    if (text.includes(ENCRYPTED_HEADER) && passphrase === undefined) {
      throw new CertsError('CERT_PASSPHRASE_MISSING', `${source} is encrypted and no passphrase was given`);
    }
    let key: KeyObject;
    try {
      key = createPrivateKey(passphrase === undefined ? { key: text } : { key: text, passphrase });
    } catch (error) {
      const code = passphrase === undefined ? 'CERT_PARSE_FAILED' : 'CERT_KEY_DECRYPT_FAILED';
      const what =
        passphrase === undefined
          ? 'is not a readable private key'
          : 'could not be decrypted (wrong passphrase?)';
      throw new CertsError(code, `${source} ${what}`, { cause: new Error((error as Error).name) });
    }
    const type = keyTypeOf(key.asymmetricKeyType, key.asymmetricKeyDetails);
    if (!type)
      throw new CertsError(
        'CERT_PARSE_FAILED',
        `${source} is not an RSA 2048/3072/4096 or ECDSA P-256/P-384 key`,
      );
    return new PrivateKey(key.export({ type: 'pkcs8', format: 'pem' }).toString(), type);
  }

  static async fromCryptoKey(key: webcrypto.CryptoKey, type: KeyType): Promise<PrivateKey> {
    const der = Buffer.from(await globalThis.crypto.subtle.exportKey('pkcs8', key));
    const pem = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({
      type: 'pkcs8',
      format: 'pem',
    });
    return new PrivateKey(pem.toString(), type);
  }

  /** The PEM text, for writing the key file or the `ca-key.pem` Secret entry. */
  pem(): string {
    return this.#pem;
  }

  /** The key as encrypted PKCS#8 PEM. */
  encryptedPem(passphrase: string): string {
    if (passphrase.length === 0)
      throw new CertsError('CERT_PASSPHRASE_MISSING', 'the root key passphrase is empty');
    return createPrivateKey(this.#pem)
      .export({ type: 'pkcs8', format: 'pem', cipher: CIPHER, passphrase })
      .toString();
  }

  /** DER SubjectPublicKeyInfo of the matching public key: compared with a certificate's to prove they match. */
  publicKeyDer(): Buffer {
    return createPublicKey(this.#pem).export({ type: 'spki', format: 'der' });
  }

  /** A non-extractable WebCrypto signing key. */
  async signingKey(): Promise<webcrypto.CryptoKey> {
    const der = createPrivateKey(this.#pem).export({ type: 'pkcs8', format: 'der' });
    return globalThis.crypto.subtle.importKey('pkcs8', der, keyTypeSpec(this.type).import, false, ['sign']);
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `PrivateKey(${this.type}) ${REDACTED}`;
  }
}

export function isEncryptedKeyPem(text: string): boolean {
  return text.includes(ENCRYPTED_HEADER);
}

/** Whether `key` is the private half of the certificate's public key (compared as DER SubjectPublicKeyInfo). */
export function keyMatchesCertificate(
  key: PrivateKey,
  certificatePublicKeyDer: ArrayBuffer | Uint8Array,
): boolean {
  return key.publicKeyDer().equals(Buffer.from(certificatePublicKeyDer as ArrayBuffer));
}
