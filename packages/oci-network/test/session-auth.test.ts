import { FakeOci, seedTopology } from '@okemesh/fake-oci';
import { exampleTopology } from '@okemesh/topology';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as common from 'oci-common';
import { ociApiKey } from '@okemesh/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientFactory, resolveIdentity } from '../src/index.js';

const topology = exampleTopology();
const cluster = topology.spec.clusters[0] as (typeof topology.spec.clusters)[number];
let fake: FakeOci;
let dir: string;
const { privateKeyPem, publicKeyPem: publicPem } = ociApiKey();

/** A profile like `oci session authenticate` writes: key_file + security_token_file, no user. */
async function sessionProfile(token: string): Promise<string> {
  const key = join(dir, 'session-key.pem');
  await writeFile(key, privateKeyPem, { mode: 0o600 });
  const tokenFile = join(dir, `token-${Math.random().toString(36).slice(2)}`);
  await writeFile(tokenFile, token, { mode: 0o600 });
  const config = join(dir, `config-${Math.random().toString(36).slice(2)}`);
  await writeFile(
    config,
    `[DEFAULT]\nfingerprint=aa:bb:cc\nkey_file=${key}\ntenancy=ocid1.tenancy.oc1..session\nregion=us-sanjose-1\nsecurity_token_file=${tokenFile}\n`,
    { mode: 0o600 },
  );
  return config;
}

beforeAll(async () => {
  fake = new FakeOci({ publicKeys: {}, homeRegion: cluster.region });
  await fake.start();
  seedTopology(fake, topology);
  dir = await mkdtemp(join(tmpdir(), 'okemesh-session-'));
});
afterAll(() => fake.stop());
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

async function listDrgs(provider: common.AuthenticationDetailsProvider) {
  const clients = new ClientFactory(provider, { endpoint: fake.endpoint, retry: { maxAttempts: 1 } });
  try {
    return await clients.for(cluster.region).network.listDrgs({ compartmentId: cluster.compartment });
  } finally {
    clients.close();
  }
}

describe('session-token profiles (security_token_file)', () => {
  it('resolve to SessionAuthDetailProvider, sign as ST$<token>, and the fake accepts them', async () => {
    const token = fake.issueSessionToken(publicPem);
    const configFile = await sessionProfile(token);
    const identity = await resolveIdentity({ configFile });
    expect(identity.provider).toBeInstanceOf(common.SessionAuthDetailProvider);
    expect(await identity.provider.getKeyId()).toBe(`ST$${token}`);
    expect(identity.tenancyId).toBe('ocid1.tenancy.oc1..session');
    await expect(listDrgs(identity.provider)).resolves.toBeDefined();
    expect((await resolveIdentity({ configFile, method: 'security_token' })).provider).toBeInstanceOf(
      common.SessionAuthDetailProvider,
    );
  });

  it('the plain config provider (the old behaviour) is rejected: its key id has no user', async () => {
    const configFile = await sessionProfile(fake.issueSessionToken(publicPem));
    const plain = new common.ConfigFileAuthenticationDetailsProvider(configFile, 'DEFAULT');
    await expect(listDrgs(plain)).rejects.toMatchObject({ statusCode: 401 });
  });

  it('an expired or foreign session token is 401', async () => {
    const expired = await resolveIdentity({
      configFile: await sessionProfile(fake.issueSessionToken(publicPem, -1000)),
    });
    await expect(listDrgs(expired.provider)).rejects.toMatchObject({
      statusCode: 401,
      serviceCode: 'NotAuthenticated',
    });
    const other = new FakeOci({ publicKeys: {} });
    const foreign = await resolveIdentity({
      configFile: await sessionProfile(other.issueSessionToken(publicPem)),
    });
    await expect(listDrgs(foreign.provider)).rejects.toMatchObject({ statusCode: 401 });
  });

  it('--auth security_token on a profile without a session token fails with OCI_AUTH_FAILED', async () => {
    const configFile = join(dir, 'plain-config');
    await writeFile(
      configFile,
      `[DEFAULT]\nuser=ocid1.user.oc1..u\nfingerprint=aa:bb\nkey_file=${join(dir, 'session-key.pem')}\ntenancy=ocid1.tenancy.oc1..t\nregion=us-sanjose-1\n`,
      { mode: 0o600 },
    );
    await expect(resolveIdentity({ configFile, method: 'security_token' })).rejects.toMatchObject({
      code: 'OCI_AUTH_FAILED',
      message: expect.stringContaining('security_token_file'),
    });
  });
});
