import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa } from './authority.js';
import { caExtensions } from './extensions.js';
import { KEY_TYPES } from './key-type.js';

const NOW = new Date('2026-11-23T12:00:00Z');

describe('createRootCa / createIntermediateCa', () => {
  it.each(KEY_TYPES.filter((t) => t !== 'rsa-4096'))(
    'issues a %s root and intermediate that chain (Node agrees)',
    async (keyType) => {
      const root = await createRootCa({ now: NOW, keyType });
      const ca = await createIntermediateCa(root, { now: NOW, cluster: 'east', keyType });
      const nodeRoot = new X509Certificate(root.certPem);
      const nodeCa = new X509Certificate(ca.certPem);
      expect(nodeCa.checkIssued(nodeRoot) && nodeCa.verify(nodeRoot.publicKey)).toBe(true);
      expect(nodeCa.ca).toBe(true);
      expect(root.key.type).toBe(keyType);
      const bits = nodeCa.publicKey.asymmetricKeyDetails;
      expect(bits?.modulusLength ?? bits?.namedCurve).toBe(
        { 'rsa-2048': 2048, 'rsa-3072': 3072, 'ecdsa-p256': 'prime256v1', 'ecdsa-p384': 'secp384r1' }[
          keyType
        ],
      );
    },
  );

  it('uses the injected clock: notBefore 5 minutes back, validity in days, Istio subjects and extensions', async () => {
    const root = await createRootCa({ now: NOW, keyType: 'ecdsa-p256', validityDays: 1000 });
    const ca = await createIntermediateCa(root, {
      now: NOW,
      cluster: 'west',
      keyType: 'ecdsa-p384',
      validityDays: 90,
    });
    expect(root.certificate.notBefore.toISOString()).toBe('2026-11-23T11:55:00.000Z');
    expect(root.certificate.notAfter.toISOString()).toBe('2029-08-19T12:00:00.000Z');
    expect(ca.certificate.notAfter.toISOString()).toBe('2027-02-21T12:00:00.000Z');
    expect(root.certificate.subject).toBe('O=Istio, CN=Root CA');
    expect(ca.certificate.subject).toBe('O=Istio, CN=Intermediate CA, L=west');
    expect(ca.certificate.issuer).toBe(root.certificate.subject);
    const ext = caExtensions(ca.certificate);
    expect(ext.basicConstraints).toEqual({ ca: true, critical: true, pathLength: 0 });
    expect(ext.keyUsage).toEqual({ critical: true, usages: ['digitalSignature', 'keyCertSign', 'cRLSign'] });
    expect(ext.dnsNames).toEqual(['istiod.istio-system.svc']);
    expect(ext.authorityKeyId).toBe(caExtensions(root.certificate).subjectKeyId);
    expect(caExtensions(root.certificate).basicConstraints).toEqual({ ca: true, critical: true });
    // P-384 key, signed by the P-256 root with ECDSA-SHA256
    expect(new X509Certificate(ca.certPem).publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
    expect(ca.certificate.serialNumber).toMatch(/^[0-7][0-9a-f]{31}$/);
    expect(ca.certificate.serialNumber).not.toBe(root.certificate.serialNumber);
  });

  it('rejects bad options with CERT_INVALID_OPTIONS', async () => {
    const root = await createRootCa({ now: NOW, keyType: 'ecdsa-p256', validityDays: 30 });
    await expect(
      createIntermediateCa(root, { now: NOW, cluster: 'east', keyType: 'ecdsa-p256', validityDays: 31 }),
    ).rejects.toMatchObject({
      code: 'CERT_INVALID_OPTIONS',
      message: expect.stringContaining('would outlive its root'),
    });
    await expect(createIntermediateCa(root, { now: NOW, cluster: 'East_1' })).rejects.toMatchObject({
      code: 'CERT_INVALID_OPTIONS',
    });
    await expect(createIntermediateCa(root, { now: NOW, cluster: 'root' })).rejects.toMatchObject({
      code: 'CERT_INVALID_OPTIONS',
    });
    await expect(createRootCa({ now: NOW, validityDays: 0 })).rejects.toMatchObject({
      code: 'CERT_INVALID_OPTIONS',
    });
    await expect(createRootCa({ now: NOW, validityDays: 1.5 })).rejects.toMatchObject({
      code: 'CERT_INVALID_OPTIONS',
    });
  });
});
