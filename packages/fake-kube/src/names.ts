import { createHash, randomBytes } from 'node:crypto';

/** The API server's safe alphabet for generated names (no vowels, no look-alike characters). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function encode(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => SAFE_ALPHABET[b % SAFE_ALPHABET.length]).join('');
}

/** A random `generateName` / pod-name suffix (5 characters by default). */
export function randomSuffix(length = 5): string {
  return encode(randomBytes(length));
}

/** A stable 10-character `pod-template-hash` of a pod template. */
export function templateHash(template: unknown): string {
  return encode(
    createHash('sha256')
      .update(JSON.stringify(template ?? {}))
      .digest()
      .subarray(0, 10),
  );
}
