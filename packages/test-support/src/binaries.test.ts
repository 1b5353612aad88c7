import { describe, expect, it } from 'vitest';
import { openssl, opensslOk, promtool } from './binaries.js';
import { ociApiKey } from './oci-api-key.js';
import { tempDir } from './temp-dir.js';

describe('binaries', () => {
  const empty = tempDir('okemesh-empty-path-');

  it('names the Debian package when openssl is not on PATH, with the spawn error as cause', () => {
    let error: unknown;
    try {
      openssl(['version'], { env: { PATH: empty } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'openssl not found: install the Debian package openssl (apt-get install openssl)',
    );
    expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('names prometheus for a missing promtool', () => {
    expect(() => promtool(['--version'], { env: { PATH: empty } })).toThrow(
      'promtool not found: install the Debian package prometheus (apt-get install prometheus)',
    );
  });

  it('runs the real openssl and passes input', () => {
    expect(opensslOk(['version'])).toMatch(/OpenSSL/);
    expect(opensslOk(['base64'], { input: 'hi' }).trim()).toBe('aGk=');
  });
});

describe('ociApiKey', () => {
  it('is generated once per name, with OCI fingerprint format', () => {
    const key = ociApiKey();
    expect(ociApiKey()).toBe(key);
    expect(ociApiKey('other').publicKeyPem).not.toBe(key.publicKeyPem);
    expect(key.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(key.privateKeyPem).toContain('BEGIN PRIVATE KEY');
  });
});
