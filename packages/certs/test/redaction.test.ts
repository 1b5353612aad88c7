import { inspect } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa, inspectPath, PrivateKey, verifyStore } from '../src/index.js';
import { makeMesh, NOW, read, tempDir } from './helpers.js';

/** The base64 body lines of a PEM key: none of them may appear in any output. */
function keyFragments(pem: string): string[] {
  return pem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
}

function expectNoKey(text: string, pems: readonly string[]) {
  expect(text).not.toContain('PRIVATE KEY');
  for (const pem of pems) for (const fragment of keyFragments(pem)) expect(text).not.toContain(fragment);
}

describe('private keys never leak into output', () => {
  it('PrivateKey redacts itself in String(), JSON and util.inspect', async () => {
    const root = await createRootCa({ now: NOW, keyType: 'ecdsa-p256' });
    const ca = await createIntermediateCa(root, { now: NOW, cluster: 'east', keyType: 'ecdsa-p256' });
    const pems = [root.key.pem(), ca.key.pem()];
    expect(pems[0]).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expectNoKey(`${String(ca.key)} ${JSON.stringify({ root, ca })} ${inspect(ca, { depth: 5 })}`, pems);
    expect(JSON.stringify(ca.key)).toBe('"[private key redacted]"');
  });

  it('errors about keys name the file, never the content', () => {
    const garbage =
      '-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD\n-----END PRIVATE KEY-----\n';
    try {
      PrivateKey.fromPem(garbage, 'east/ca-key.pem');
      expect.unreachable();
    } catch (error) {
      const e = error as Error & { cause?: Error };
      expect(e.message).toBe('east/ca-key.pem is not a readable private key');
      expectNoKey(`${e.message} ${e.stack} ${inspect(e)}`, [garbage]);
    }
  });

  it('verify findings and inspect output of a store hold no key material', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east', 'west']);
    const keys = [
      read(join(dir, 'root', 'root-key.pem')),
      ...['east', 'west'].map((c) => read(join(dir, c, 'ca-key.pem'))),
    ];
    const report = await verifyStore(dir, { now: NOW });
    const items = await inspectPath(dir, NOW);
    expect(items.filter((i) => i.kind === 'private-key')).toHaveLength(3);
    expectNoKey(JSON.stringify({ report, items }), keys);
  });
});
