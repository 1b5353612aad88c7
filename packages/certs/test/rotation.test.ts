import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  certificateBlocks,
  continueRootRotation,
  finishRootRotation,
  readRotation,
  rootRotationPlan,
  startRootRotation,
  verifyStore,
} from '../src/index.js';
import { issueLeaf, makeMesh, NOW, read, tempDir, verifyWithOpenssl } from './helpers.js';

const opts = { now: NOW, keyType: 'ecdsa-p256' as const };

describe('staged root rotation', () => {
  it('keeps both roots trusted from start to finish, and every step verifies', async () => {
    const dir = tempDir();
    const work = tempDir();
    await makeMesh(dir, ['east', 'west']);
    const oldRoot = read(join(dir, 'root', 'root-cert.pem'));
    const oldLeaf = issueLeaf(join(dir, 'east'), work, 'old-leaf');
    const oldIntermediate = read(join(dir, 'east', 'ca-cert.pem'));
    const oldIntermediateFile = join(work, 'old-intermediate.pem');
    writeFileSync(oldIntermediateFile, oldIntermediate);

    // step 1: new root, bundles trust both, old intermediates still sign
    await startRootRotation(dir, opts);
    expect((await readRotation(dir)).phase).toBe('trust');
    const newRoot = read(join(dir, 'root.next', 'root-cert.pem'));
    expect(certificateBlocks(read(join(dir, 'east', 'root-cert.pem')))).toEqual([
      oldRoot.trim(),
      newRoot.trim(),
    ]);
    expect(read(join(dir, 'east', 'ca-cert.pem'))).toBe(oldIntermediate);
    expect(
      verifyWithOpenssl(join(dir, 'east', 'root-cert.pem'), oldLeaf, join(dir, 'east', 'ca-cert.pem')).status,
    ).toBe(0);
    expect((await verifyStore(dir, { now: NOW })).findings).toEqual([]);
    await expect(finishRootRotation(dir, NOW)).rejects.toMatchObject({ code: 'CERT_ROTATION_STATE' });

    // step 3: new intermediates signed by the new root; old leaves still verify against the two-root bundle
    await continueRootRotation(dir, opts);
    expect((await readRotation(dir)).phase).toBe('cutover');
    const newLeaf = issueLeaf(join(dir, 'west'), work, 'new-leaf');
    expect(
      verifyWithOpenssl(join(dir, 'west', 'root-cert.pem'), newLeaf, join(dir, 'west', 'ca-cert.pem')).status,
    ).toBe(0);
    expect(
      verifyWithOpenssl(join(dir, 'root.next', 'root-cert.pem'), newLeaf, join(dir, 'west', 'ca-cert.pem'))
        .status,
    ).toBe(0);
    // workloads not yet restarted still hold leaves from the old intermediate: they keep verifying
    expect(verifyWithOpenssl(join(dir, 'east', 'root-cert.pem'), oldLeaf, oldIntermediateFile).status).toBe(
      0,
    );
    const mid = await verifyStore(dir, { now: addDays(NOW, 1) });
    expect(mid.findings).toEqual([]);
    expect(new Set(mid.clusters.map((c) => c.issuedBy))).toEqual(new Set([mid.roots[1]?.fingerprint]));

    // step 5: the new root becomes the root, bundles trust it alone, the old root is kept aside
    const { retired } = await finishRootRotation(dir, NOW);
    expect(existsSync(join(retired, 'root-key.pem'))).toBe(true);
    expect(existsSync(join(dir, 'root.next'))).toBe(false);
    expect(read(join(dir, 'root', 'root-cert.pem'))).toBe(newRoot);
    expect(certificateBlocks(read(join(dir, 'east', 'root-cert.pem')))).toEqual([newRoot.trim()]);
    expect((await readRotation(dir)).phase).toBe('none');
    expect(readdirSync(dir).filter((n) => n.startsWith('root.retired-'))).toHaveLength(1);
    const end = await verifyStore(dir, { now: addDays(NOW, 1) });
    expect(end.findings).toEqual([]);
    expect(
      verifyWithOpenssl(join(dir, 'west', 'root-cert.pem'), newLeaf, join(dir, 'west', 'ca-cert.pem')).status,
    ).toBe(0);
    // only now does an old leaf stop verifying: the old root is gone from the trust bundle
    expect(
      verifyWithOpenssl(join(dir, 'east', 'root-cert.pem'), oldLeaf, oldIntermediateFile).status,
    ).not.toBe(0);
  });

  it('spells out the steps in order and marks progress', () => {
    const clusters = [
      { name: 'east', context: 'east-ctx' },
      { name: 'west', context: 'west-ctx' },
    ];
    const plan = rootRotationPlan('trust', clusters, 'certs');
    expect(plan.map((s) => [s.step, s.where, s.status])).toEqual([
      [1, 'local', 'done'],
      [2, 'cluster', 'next'],
      [3, 'local', 'pending'],
      [4, 'cluster', 'pending'],
      [5, 'local', 'pending'],
      [6, 'cluster', 'pending'],
    ]);
    expect(plan[1]?.commands).toContain(
      'okemesh certs install --dir certs --cluster west --context west-ctx',
    );
    expect(plan[0]?.commands).toEqual(['okemesh certs rotate root --start --dir certs']);
    // istiod by label with the cluster's context: with a revision the Deployment is istiod-<revision>.
    expect(plan[1]?.commands).toContain(
      'kubectl --context west-ctx -n istio-system rollout restart deployment -l app=istiod',
    );
    expect(plan.flatMap((s) => s.commands).join('\n')).not.toContain('deployment/istiod');
    expect(rootRotationPlan('none', clusters, 'certs')[0]?.status).toBe('next');
    expect(rootRotationPlan('cutover', clusters, 'certs')[3]?.status).toBe('next');
  });

  it('keeps the phase when a step fails for want of the passphrase', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east'], { passphrase: 'pw' });
    await expect(startRootRotation(dir, opts)).rejects.toMatchObject({ code: 'CERT_PASSPHRASE_MISSING' });
    expect((await readRotation(dir)).phase).toBe('none');
    expect(existsSync(join(dir, 'root.next'))).toBe(false);
    await startRootRotation(dir, { ...opts, passphrase: 'pw' });
    expect(read(join(dir, 'root.next', 'root-key.pem'))).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    await expect(continueRootRotation(dir, { ...opts, passphrase: 'wrong' })).rejects.toMatchObject({
      code: 'CERT_KEY_DECRYPT_FAILED',
    });
    expect((await readRotation(dir)).phase).toBe('trust');
    await continueRootRotation(dir, { ...opts, passphrase: 'pw' });
    expect((await readRotation(dir)).phase).toBe('cutover');
  });
});
