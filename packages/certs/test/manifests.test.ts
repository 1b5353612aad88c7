import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  CACERTS_FILES,
  cacertsExternalSecret,
  cacertsManifests,
  decodeSecretData,
  ociVaultSecretStore,
  vaultSecretName,
  type SecretObject,
} from '../src/index.js';
import { makeMesh, NOW, read, tempDir } from './helpers.js';

describe('cacerts manifests for okemesh render --certs', () => {
  it('secret mode: one istio-system/cacerts per cluster with exactly the four keys, and a warning', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east', 'west']);
    const out = await cacertsManifests(dir, { now: NOW });
    expect(Object.keys(out.clusters)).toEqual(['east', 'west']);
    expect(out.containsPrivateKeys).toBe(true);
    expect(out.warnings[0]).toMatch(
      /holds the intermediate CA private keys of 2 cluster\(s\).*do not commit/,
    );
    const secret = out.clusters.east?.[0] as SecretObject;
    expect(secret).toMatchObject({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'cacerts', namespace: 'istio-system' },
    });
    expect(Object.keys(secret.data).sort()).toEqual([...CACERTS_FILES].sort());
    const files = decodeSecretData(secret.data);
    for (const name of CACERTS_FILES) expect(files[name]).toBe(read(join(dir, 'east', name)));
    // the root key is in none of the values, under no name
    const rootKeyBody = read(join(dir, 'root', 'root-key.pem'))
      .split('\n')
      .filter((l) => l.length > 20 && !l.startsWith('-----'));
    expect(rootKeyBody.length).toBeGreaterThan(0);
    for (const value of Object.values(files))
      for (const line of rootKeyBody) expect(value).not.toContain(line);
    expect(stringify(secret)).not.toMatch(/root-key/);
  });

  it('external-secret mode: no key material, four Vault references per cluster', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east']);
    const out = await cacertsManifests(dir, {
      now: NOW,
      mode: 'external-secret',
      externalSecret: { keyPrefix: 'bookinfo-' },
    });
    expect(out.containsPrivateKeys).toBe(false);
    const text = JSON.stringify(out);
    expect(text).not.toContain('PRIVATE KEY');
    expect(out.clusters.east).toEqual([cacertsExternalSecret('east', { keyPrefix: 'bookinfo-' })]);
    expect(cacertsExternalSecret('east', { keyPrefix: 'bookinfo-' })).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: {
        name: 'cacerts',
        namespace: 'istio-system',
        labels: { 'app.kubernetes.io/managed-by': 'okemesh', 'okemesh.io/cluster': 'east' },
      },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { name: 'okemesh-oci-vault', kind: 'ClusterSecretStore' },
        target: { name: 'cacerts', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
        data: [
          { secretKey: 'ca-cert.pem', remoteRef: { key: 'bookinfo-east-ca-cert' } },
          { secretKey: 'ca-key.pem', remoteRef: { key: 'bookinfo-east-ca-key' } },
          { secretKey: 'root-cert.pem', remoteRef: { key: 'bookinfo-east-root-cert' } },
          { secretKey: 'cert-chain.pem', remoteRef: { key: 'bookinfo-east-cert-chain' } },
        ],
      },
    });
    const withStore = await cacertsManifests(dir, {
      now: NOW,
      mode: 'external-secret',
      vault: { vault: 'ocid1.vault.oc1.iad.x', region: 'us-ashburn-1' },
    });
    expect(withStore.clusters.east?.map((o) => (o as { kind: string }).kind)).toEqual([
      'ClusterSecretStore',
      'ExternalSecret',
    ]);
    expect(vaultSecretName('west', 'ca-key.pem')).toBe('okemesh-west-ca-key');
    expect(
      ociVaultSecretStore({ vault: 'ocid1.vault.oc1.iad.x', region: 'us-ashburn-1' }).spec.provider.oracle,
    ).toEqual({
      vault: 'ocid1.vault.oc1.iad.x',
      region: 'us-ashburn-1',
      principalType: 'Workload',
    });
  });

  it('refuses a store that does not verify', async () => {
    const dir = tempDir();
    await makeMesh(dir, ['east', 'west']);
    copyFileSync(join(dir, 'west', 'ca-key.pem'), join(dir, 'east', 'ca-key.pem'));
    await expect(cacertsManifests(dir, { now: NOW })).rejects.toMatchObject({
      code: 'CERT_BUNDLE_INVALID',
      message: expect.stringContaining('[key-mismatch] east'),
    });
    await expect(cacertsManifests(dir, { now: NOW, clusters: ['west', 'north'] })).rejects.toMatchObject({
      message: expect.stringContaining('[missing-cluster] north'),
    });
  });
});
