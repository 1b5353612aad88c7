import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, issueIntermediates, verifyStore, type Finding } from '../src/index.js';
import { issueLeaf, makeMesh, NOW, opensslOk, tempDir, verifyWithOpenssl } from './helpers.js';

const codes = (findings: readonly Finding[], scope?: string) =>
  findings
    .filter((f) => f.severity === 'error' && (scope === undefined || f.scope === scope))
    .map((f) => f.code);

describe('verify: a healthy mesh', () => {
  it('has no findings', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east', 'west', 'south']);
    const report = await verifyStore(dir, {
      now: addDays(NOW, 1),
      expectedClusters: ['east', 'west', 'south'],
    });
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(new Set(report.clusters.map((c) => c.issuedBy))).toEqual(new Set([report.roots[0]?.fingerprint]));
  });
});

describe('verify: negative cases, each reported with a clear message', () => {
  it('an expired intermediate', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east'], { intermediateDays: 10 });
    const report = await verifyStore(dir, { now: addDays(NOW, 11) });
    expect(report.ok).toBe(false);
    const expired = report.findings.find((f) => f.code === 'expired');
    expect(expired).toMatchObject({ severity: 'error', scope: 'east' });
    expect(expired?.message).toBe('intermediate of east expired on 2026-12-03T12:00:00.000Z');
    expect(expired?.hint).toBe('renew it: okemesh certs rotate intermediate --cluster east');
  });

  it('an intermediate close to expiry is a warning, not an error', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east'], { intermediateDays: 20 });
    const report = await verifyStore(dir, { now: addDays(NOW, 1) });
    expect(report.ok).toBe(true);
    expect(report.findings).toMatchObject([{ severity: 'warning', code: 'expires-soon', scope: 'east' }]);
  });

  it('a certificate that is not yet valid', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east']);
    const report = await verifyStore(dir, { now: addDays(NOW, -1) });
    expect(codes(report.findings)).toEqual(expect.arrayContaining(['not-yet-valid']));
    expect(report.findings.find((f) => f.scope === 'east' && f.code === 'not-yet-valid')?.message).toMatch(
      /^intermediate of east is not valid before 2026-11-23T11:55:00.000Z$/,
    );
  });

  it('an intermediate from a different root', async () => {
    const dir = tempDir();
    const foreign = tempDir();
    await makeMesh(dir, ['east', 'west']);
    await makeMesh(foreign, ['west']);
    for (const f of ['ca-cert.pem', 'ca-key.pem', 'cert-chain.pem', 'root-cert.pem'])
      copyFileSync(join(foreign, 'west', f), join(dir, 'west', f));
    const report = await verifyStore(dir, { now: NOW });
    expect(codes(report.findings, 'east')).toEqual([]);
    expect(codes(report.findings, 'west')).toEqual(expect.arrayContaining(['root-mismatch', 'wrong-root']));
    const wrong = report.findings.find((f) => f.code === 'wrong-root');
    expect(wrong?.message).toBe(
      'intermediate of west (issuer O=Istio, CN=Root CA) is not signed by the mesh root but by another root that root-cert.pem trusts; cross-cluster mTLS would fail',
    );
  });

  it('a runbook-style intermediate without CA extensions (openssl x509 -req, no -extfile)', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east']);
    const east = join(dir, 'east');
    const csr = join(dir, 'east.csr');
    // The runbook's one-liners, verbatim apart from the key type and names.
    opensslOk([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(east, 'ca-key.pem'),
      '-subj',
      '/CN=primary-cluster.oke.local/O=Primary',
      '-out',
      csr,
    ]);
    opensslOk([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      join(dir, 'root', 'root-cert.pem'),
      '-CAkey',
      join(dir, 'root', 'root-key.pem'),
      '-CAcreateserial',
      '-out',
      join(east, 'ca-cert.pem'),
      '-days',
      '365',
    ]);
    writeFileSync(
      join(east, 'cert-chain.pem'),
      opensslOk(['x509', '-in', join(east, 'ca-cert.pem')]) +
        opensslOk(['x509', '-in', join(dir, 'root', 'root-cert.pem')]),
    );
    // openssl itself refuses a leaf under it…
    const leaf = issueLeaf(east, dir, 'runbook-leaf');
    const r = verifyWithOpenssl(join(east, 'root-cert.pem'), leaf, join(east, 'ca-cert.pem'));
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/invalid CA certificate/);
    // …and verify says why.
    const report = await verifyStore(dir, { now: new Date() });
    expect(codes(report.findings, 'east')).toEqual(['not-ca', 'missing-key-cert-sign']);
    expect(report.findings.find((f) => f.code === 'not-ca')?.message).toBe(
      'intermediate of east has no basicConstraints CA:TRUE, so nothing it signs verifies ("invalid CA certificate")',
    );
  });

  it('a key that does not match its certificate', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east', 'west']);
    copyFileSync(join(dir, 'west', 'ca-key.pem'), join(dir, 'east', 'ca-key.pem'));
    const report = await verifyStore(dir, { now: NOW });
    expect(codes(report.findings)).toEqual(['key-mismatch']);
    expect(report.findings[0]?.message).toBe(
      'ca-key.pem is not the private key of ca-cert.pem (O=Istio, CN=Intermediate CA, L=east); istiod would sign certificates nobody can verify',
    );
  });

  it('the same intermediate in two clusters', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east', 'west']);
    for (const f of ['ca-cert.pem', 'ca-key.pem', 'cert-chain.pem'])
      copyFileSync(join(dir, 'east', f), join(dir, 'west', f));
    const report = await verifyStore(dir, { now: NOW });
    expect(codes(report.findings)).toEqual(['duplicate-intermediate']);
    expect(report.findings.find((f) => f.severity === 'error')?.message).toMatch(
      /^west shares its intermediate certificate with east/,
    );
  });

  it('a missing file, a root key in a cluster directory, a missing cluster, a broken chain', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east']);
    rmSync(join(dir, 'east', 'cert-chain.pem'));
    copyFileSync(join(dir, 'root', 'root-key.pem'), join(dir, 'east', 'root-key.pem'));
    const report = await verifyStore(dir, { now: NOW, expectedClusters: ['east', 'west'] });
    expect(codes(report.findings)).toEqual(
      expect.arrayContaining(['missing-file', 'unexpected-file', 'missing-cluster']),
    );
    expect(report.findings.find((f) => f.code === 'unexpected-file')?.message).toMatch(
      /root key must never reach a cluster/,
    );

    const dir2 = tempDir();
    await makeMesh(dir2, ['east']);
    copyFileSync(join(dir2, 'east', 'ca-cert.pem'), join(dir2, 'east', 'cert-chain.pem'));
    expect(codes((await verifyStore(dir2, { now: NOW })).findings)).toEqual(['chain-mismatch']);
  });

  it('a renewed intermediate replaces the old one under the same root', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east'], { intermediateDays: 10 });
    const before = await verifyStore(dir, { now: addDays(NOW, 11) });
    expect(before.ok).toBe(false);
    await issueIntermediates(dir, ['east'], { now: addDays(NOW, 11), keyType: 'ecdsa-p256' });
    const after = await verifyStore(dir, { now: addDays(NOW, 12) });
    expect(after.ok).toBe(true);
    expect(after.clusters[0]?.intermediateFingerprint).not.toBe(before.clusters[0]?.intermediateFingerprint);
    expect(after.clusters[0]?.issuedBy).toBe(before.roots[0]?.fingerprint);
  });
});
