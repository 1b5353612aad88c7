import { describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa } from './authority.js';
import { inspectPem } from './inspect.js';

const NOW = new Date('2026-11-23T12:00:00Z');

describe('inspectPem', () => {
  it('describes every certificate of a chain file and a key without its content', async () => {
    const root = await createRootCa({ now: NOW, keyType: 'rsa-2048' });
    const ca = await createIntermediateCa(root, {
      now: NOW,
      cluster: 'east',
      keyType: 'ecdsa-p256',
      validityDays: 100,
    });
    const [inter, rootInfo] = inspectPem(
      ca.certPem + root.certPem,
      'cert-chain.pem',
      new Date('2026-12-23T12:00:00Z'),
    );
    expect(inter).toMatchObject({
      kind: 'certificate',
      index: 0,
      subject: 'O=Istio, CN=Intermediate CA, L=east',
      issuer: 'O=Istio, CN=Root CA',
      serial: ca.certificate.serialNumber,
      notAfter: '2027-03-03T12:00:00.000Z',
      daysLeft: 70,
      selfSigned: false,
      keyType: 'ecdsa-p256',
      keyBits: 256,
      signatureAlgorithm: 'RSASSA-PKCS1-v1_5 SHA-256',
      extensions: {
        basicConstraints: { ca: true, pathLength: 0, critical: true },
        dnsNames: ['istiod.istio-system.svc'],
      },
    });
    expect(inter?.kind === 'certificate' && inter.fingerprintSha256).toMatch(
      /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/,
    );
    expect(rootInfo).toMatchObject({ index: 1, selfSigned: true, keyType: 'rsa-2048', keyBits: 2048 });
    expect(inspectPem(ca.key.pem(), 'ca-key.pem', NOW)).toEqual([
      { kind: 'private-key', source: 'ca-key.pem', encrypted: false, keyType: 'ecdsa-p256' },
    ]);
    expect(inspectPem(root.key.encryptedPem('pw'), 'root-key.pem', NOW)).toEqual([
      { kind: 'private-key', source: 'root-key.pem', encrypted: true },
    ]);
    expect(() => inspectPem('hello', 'x.pem', NOW)).toThrow(/x\.pem holds no PEM certificate or key/);
  });
});
