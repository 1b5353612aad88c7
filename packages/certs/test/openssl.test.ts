import { createPrivateKey, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initRoot, issueIntermediates } from '../src/index.js';
import { issueLeaf, NOW, opensslOk, read, tempDir, verifyWithOpenssl } from './helpers.js';

// The default profile (RSA-4096 root and intermediates, Istio subjects), checked by the real openssl binary.
describe('certificates accepted by openssl', () => {
  const dir = tempDir();
  const clusters = ['east', 'west'];

  beforeAll(async () => {
    await initRoot(dir, { now: new Date() });
    await issueIntermediates(dir, clusters, { now: new Date() });
  });

  it.each(clusters)('openssl verify accepts the %s intermediate against root-cert.pem', (cluster) => {
    const r = verifyWithOpenssl(join(dir, cluster, 'root-cert.pem'), join(dir, cluster, 'ca-cert.pem'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(': OK');
  });

  it.each(clusters)('openssl verify accepts a workload leaf signed by the %s intermediate', (cluster) => {
    const leaf = issueLeaf(join(dir, cluster), dir, `leaf-${cluster}`);
    const r = verifyWithOpenssl(join(dir, cluster, 'root-cert.pem'), leaf, join(dir, cluster, 'ca-cert.pem'));
    expect(r.status).toBe(0);
    // and the chain file istiod serves works as the untrusted bundle too
    expect(
      verifyWithOpenssl(join(dir, 'root', 'root-cert.pem'), leaf, join(dir, cluster, 'cert-chain.pem'))
        .status,
    ).toBe(0);
  });

  it('openssl x509 -text shows the CA extensions on the intermediate', () => {
    const text = opensslOk(['x509', '-in', join(dir, 'east', 'ca-cert.pem'), '-noout', '-text']);
    expect(text).toMatch(/Subject: O ?= ?Istio, CN ?= ?Intermediate CA, L ?= ?east/);
    expect(text).toMatch(/Issuer: O ?= ?Istio, CN ?= ?Root CA/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Certificate Sign, CRL Sign/);
    expect(text).toMatch(/X509v3 Subject Key Identifier:\s+[0-9A-F:]{59}/);
    expect(text).toMatch(/X509v3 Authority Key Identifier:\s+(keyid:)?[0-9A-F:]{59}/);
    expect(text).toMatch(/X509v3 Subject Alternative Name:\s+DNS:istiod\.istio-system\.svc/);
    expect(text).toContain('Public-Key: (4096 bit)');
    expect(text).toContain('sha256WithRSAEncryption');
  });

  it('openssl x509 -text shows the root as a self-signed critical CA without a path length', () => {
    const text = opensslOk(['x509', '-in', join(dir, 'root', 'root-cert.pem'), '-noout', '-text']);
    expect(text).toMatch(/Subject: O ?= ?Istio, CN ?= ?Root CA/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE\n/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Certificate Sign, CRL Sign/);
  });

  it("Node's X509Certificate agrees: CA, issued by the root, signature valid, key matches", () => {
    const root = new X509Certificate(read(join(dir, 'root', 'root-cert.pem')));
    for (const cluster of clusters) {
      const ca = new X509Certificate(read(join(dir, cluster, 'ca-cert.pem')));
      expect(ca.ca).toBe(true);
      expect(ca.checkIssued(root)).toBe(true);
      expect(ca.verify(root.publicKey)).toBe(true);
      expect(ca.subject.split('\n')).toEqual(['O=Istio', 'CN=Intermediate CA', `L=${cluster}`]);
      expect(ca.subjectAltName).toBe('DNS:istiod.istio-system.svc');
      expect(ca.checkPrivateKey(createPrivateKey(read(join(dir, cluster, 'ca-key.pem'))))).toBe(true);
    }
    expect(root.ca).toBe(true);
    expect(root.checkIssued(root)).toBe(true);
  });

  it('the leaf does not verify against another mesh root', async () => {
    const other = tempDir();
    await initRoot(other, { now: NOW, keyType: 'ecdsa-p256' });
    const leaf = issueLeaf(join(dir, 'east'), dir, 'leaf-foreign');
    const r = verifyWithOpenssl(join(other, 'root', 'root-cert.pem'), leaf, join(dir, 'east', 'ca-cert.pem'));
    expect(r.status).not.toBe(0);
  });
});

describe('other key types, checked by openssl', () => {
  it.each([
    ['ecdsa-p384', 'ecdsa-p256', 'ecdsa-with-SHA384'],
    ['rsa-2048', 'ecdsa-p384', 'sha256WithRSAEncryption'],
    ['ecdsa-p256', 'rsa-3072', 'ecdsa-with-SHA256'],
  ] as const)(
    'a %s root signing a %s intermediate verifies, with a leaf',
    async (rootType, intermediateType, signature) => {
      const dir = tempDir();
      await initRoot(dir, { now: new Date(), keyType: rootType });
      await issueIntermediates(dir, ['east'], { now: new Date(), keyType: intermediateType });
      const east = join(dir, 'east');
      expect(verifyWithOpenssl(join(east, 'root-cert.pem'), join(east, 'ca-cert.pem')).status).toBe(0);
      const leaf = issueLeaf(east, dir);
      expect(verifyWithOpenssl(join(east, 'root-cert.pem'), leaf, join(east, 'ca-cert.pem')).status).toBe(0);
      expect(opensslOk(['x509', '-in', join(east, 'ca-cert.pem'), '-noout', '-text'])).toContain(
        `Signature Algorithm: ${signature}`,
      );
    },
  );
});
