import { createHash, generateKeyPairSync } from 'node:crypto';

export interface OciApiKey {
  /** PKCS#8 PEM, as `key_file` holds it. */
  readonly privateKeyPem: string;
  /** SPKI PEM, what the fake OCI API is told to trust. */
  readonly publicKeyPem: string;
  /** OCI's fingerprint of the public key: MD5 of its DER, colon-separated hex. */
  readonly fingerprint: string;
}

const cache = new Map<string, OciApiKey>();

/**
 * A throw-away 2048-bit RSA API signing key pair, generated once per process and `name` (keygen is slow):
 * pass another name for a second, different key (an impostor).
 */
export function ociApiKey(name = 'default'): OciApiKey {
  const cached = cache.get(name);
  if (cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const key: OciApiKey = {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: (createHash('md5').update(der).digest('hex').match(/../g) ?? []).join(':'),
  };
  cache.set(name, key);
  return key;
}
