import { FakeOci, seedTopology } from '@okemesh/fake-oci';
import { exampleTopology } from '@okemesh/topology';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ociApiKey } from '@okemesh/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';

let fake: FakeOci;
let dir: string;
let config: string;

beforeAll(async () => {
  const { privateKeyPem, publicKeyPem } = ociApiKey();
  fake = new FakeOci({ publicKeys: {}, homeRegion: 'us-sanjose-1' });
  await fake.start();
  seedTopology(fake, exampleTopology());
  dir = await mkdtemp(join(tmpdir(), 'okemesh-doctor-session-'));
  const key = join(dir, 'key.pem');
  await writeFile(key, privateKeyPem, { mode: 0o600 });
  const token = join(dir, 'token');
  await writeFile(token, fake.issueSessionToken(publicKeyPem), {
    mode: 0o600,
  });
  config = join(dir, 'config');
  await writeFile(
    config,
    `[DEFAULT]\nfingerprint=aa:bb\nkey_file=${key}\ntenancy=ocid1.tenancy.oc1..s\nregion=us-sanjose-1\nsecurity_token_file=${token}\n`,
    { mode: 0o600 },
  );
});
afterAll(() => fake.stop());
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('okemesh doctor --auth (as the network commands)', () => {
  it('reaches OCI with a session-token profile: every OCI call is accepted', async () => {
    const io = { ...bufferIo(dir), env: { OKEMESH_OCI_ENDPOINT: fake.endpoint } };
    await run(
      ['doctor', '--auth', 'security_token', '--config-file', config, '--kubeconfig', 'none', '--json'],
      io,
    );
    const report = JSON.parse(io.out()) as { findings: { check: string; message: string }[] };
    expect(report.findings.filter((f) => f.message.startsWith('OCI check failed'))).toEqual([]);
    const calls = fake.requests.filter((r) => r.operation === 'ListRemotePeeringConnections');
    expect(calls.length).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.status === 401)).toEqual([]);
  });
});
