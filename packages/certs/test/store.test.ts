import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initRoot, issueIntermediates, readRoot, verifyStore } from '../src/index.js';
import { makeMesh, NOW, openssl, read, tempDir } from './helpers.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('on-disk store', () => {
  it('writes one directory per mesh: root/ and <cluster>/, directories 0700, keys 0600, certificates 0644', async () => {
    const dir = join(tempDir(), 'mesh');
    await makeMesh(dir, ['east', 'west']);
    expect(readdirSync(dir).sort()).toEqual(['east', 'root', 'west']);
    expect(readdirSync(join(dir, 'root')).sort()).toEqual(['root-cert.pem', 'root-key.pem']);
    expect(readdirSync(join(dir, 'east')).sort()).toEqual([
      'ca-cert.pem',
      'ca-key.pem',
      'cert-chain.pem',
      'root-cert.pem',
    ]);
    for (const d of [dir, join(dir, 'root'), join(dir, 'east'), join(dir, 'west')])
      expect(mode(d)).toBe(0o700);
    for (const k of [
      join(dir, 'root', 'root-key.pem'),
      join(dir, 'east', 'ca-key.pem'),
      join(dir, 'west', 'ca-key.pem'),
    ])
      expect(mode(k)).toBe(0o600);
    for (const c of ['root-cert.pem', 'cert-chain.pem', 'ca-cert.pem'])
      expect(mode(join(dir, 'east', c))).toBe(0o644);
  });

  it('keeps modes when files are rewritten under a permissive umask', async () => {
    const dir = tempDir();
    const previous = process.umask(0);
    try {
      await makeMesh(dir, ['east']);
      await issueIntermediates(dir, ['east'], { now: NOW, keyType: 'ecdsa-p256' });
    } finally {
      process.umask(previous);
    }
    expect(mode(join(dir, 'east'))).toBe(0o700);
    expect(mode(join(dir, 'east', 'ca-key.pem'))).toBe(0o600);
    expect(mode(join(dir, 'root', 'root-key.pem'))).toBe(0o600);
  });

  it('refuses to overwrite an existing root unless forced', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east']);
    const before = read(join(dir, 'root', 'root-cert.pem'));
    await expect(initRoot(dir, { now: NOW, keyType: 'ecdsa-p256' })).rejects.toMatchObject({
      name: 'CertsError',
      code: 'CERT_ROOT_EXISTS',
    });
    expect(read(join(dir, 'root', 'root-cert.pem'))).toBe(before);
    await initRoot(dir, { now: NOW, keyType: 'ecdsa-p256', force: true });
    expect(read(join(dir, 'root', 'root-cert.pem'))).not.toBe(before);
    // the old intermediates are now orphaned, and verify says so
    const report = await verifyStore(dir, { now: NOW });
    expect(report.findings.map((f) => f.code)).toContain('wrong-root');
  });

  it('encrypts the root key as PKCS#8 with a passphrase; openssl reads it only with the passphrase', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east'], { passphrase: 'correct horse' });
    const keyFile = join(dir, 'root', 'root-key.pem');
    expect(read(keyFile)).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(openssl(['pkey', '-in', keyFile, '-noout', '-passin', 'pass:']).status).not.toBe(0);
    expect(
      openssl(['pkey', '-in', keyFile, '-noout', '-passin', 'env:PW'], { env: { PW: 'correct horse' } })
        .status,
    ).toBe(0);
    expect(read(join(dir, 'east', 'ca-key.pem'))).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    await expect(issueIntermediates(dir, ['west'], { now: NOW })).rejects.toMatchObject({
      code: 'CERT_PASSPHRASE_MISSING',
    });
    await expect(issueIntermediates(dir, ['west'], { now: NOW, passphrase: 'wrong' })).rejects.toMatchObject({
      code: 'CERT_KEY_DECRYPT_FAILED',
    });
    await issueIntermediates(dir, ['west'], { now: NOW, keyType: 'ecdsa-p256', passphrase: 'correct horse' });
    // verify works without the passphrase (the key check is skipped), and checks the key with it
    expect((await readRoot(dir)).key).toBeUndefined();
    expect((await verifyStore(dir, { now: NOW })).ok).toBe(true);
    expect((await readRoot(dir, { passphrase: 'correct horse' })).key?.type).toBe('ecdsa-p256');
    expect((await verifyStore(dir, { now: NOW, passphrase: 'correct horse' })).ok).toBe(true);
  });

  it('reports a missing root with the command that creates it', async () => {
    const dir = tempDir();
    await expect(issueIntermediates(dir, ['east'], { now: NOW })).rejects.toMatchObject({
      code: 'CERT_ROOT_MISSING',
      message: expect.stringContaining('okemesh certs init'),
    });
  });
});
