import { describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa, type CertificateAuthority } from './authority.js';
import { cacertsBundle } from './bundle.js';
import { installCacerts, type CacertsKubeClient } from './install.js';
import { decodeSecretData, type SecretObject } from './secret.js';

const NOW = new Date('2026-11-23T12:00:00Z');

class ApiError extends Error {
  constructor(readonly code: number) {
    super(`HTTP ${code}: {"kind":"Status","message":"echo of request body -----BEGIN PRIVATE KEY-----"}`);
  }
}

/** An in-memory CoreV1Api slice that records every write. */
function memoryClient(initial?: { data: Record<string, string> }) {
  const namespaces = new Set<string>();
  let secret: (SecretObject & { metadata: { resourceVersion: string } }) | undefined;
  if (initial) {
    namespaces.add('istio-system');
    secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'cacerts', namespace: 'istio-system', labels: {}, resourceVersion: '7' },
      data: initial.data as SecretObject['data'],
    };
  }
  const writes: { verb: string; body: SecretObject }[] = [];
  const client: CacertsKubeClient = {
    readNamespace: async ({ name }) => {
      if (!namespaces.has(name)) throw new ApiError(404);
      return {};
    },
    createNamespace: async ({ body }) => void namespaces.add(body.metadata.name),
    readNamespacedSecret: async () => {
      if (!secret) throw new ApiError(404);
      return secret;
    },
    createNamespacedSecret: async ({ body }) => {
      writes.push({ verb: 'create', body });
      secret = { ...body, metadata: { ...body.metadata, resourceVersion: '1' } };
    },
    replaceNamespacedSecret: async ({ body }) => {
      writes.push({ verb: 'replace', body });
      if (body.metadata.resourceVersion !== secret?.metadata.resourceVersion) throw new ApiError(409);
      secret = {
        ...body,
        metadata: { ...body.metadata, resourceVersion: String(Number(body.metadata.resourceVersion) + 1) },
      };
    },
  };
  return { client, writes, namespaces, current: () => secret };
}

async function mesh(): Promise<{ root: CertificateAuthority; east: CertificateAuthority }> {
  const root = await createRootCa({ now: NOW, keyType: 'ecdsa-p256' });
  return {
    root,
    east: await createIntermediateCa(root, { now: NOW, cluster: 'east', keyType: 'ecdsa-p256' }),
  };
}

describe('installCacerts', () => {
  it('creates the namespace and the Secret, then reports unchanged, then updates a renewed bundle', async () => {
    const { root, east } = await mesh();
    const kube = memoryClient();
    const first = await installCacerts(kube.client, cacertsBundle('east', east, root.certPem), { now: NOW });
    expect(first).toMatchObject({ action: 'created', namespaceCreated: true, namespace: 'istio-system' });
    expect(Object.keys(kube.writes[0]?.body.data ?? {}).sort()).toEqual([
      'ca-cert.pem',
      'ca-key.pem',
      'cert-chain.pem',
      'root-cert.pem',
    ]);
    expect(decodeSecretData(kube.current()?.data)['ca-key.pem']).toBe(east.key.pem());

    const again = await installCacerts(kube.client, cacertsBundle('east', east, root.certPem), { now: NOW });
    expect(again.action).toBe('unchanged');
    expect(kube.writes).toHaveLength(1);

    const renewed = await createIntermediateCa(root, { now: NOW, cluster: 'east', keyType: 'ecdsa-p256' });
    const update = await installCacerts(kube.client, cacertsBundle('east', renewed, root.certPem), {
      now: NOW,
    });
    expect(update.action).toBe('updated');
    expect(kube.writes[1]?.body.metadata.resourceVersion).toBe('1');
  });

  it('never sends the root key', async () => {
    const { root, east } = await mesh();
    const kube = memoryClient();
    await installCacerts(kube.client, cacertsBundle('east', east, root.certPem), { now: NOW });
    const sent =
      JSON.stringify(kube.writes) + Object.values(decodeSecretData(kube.writes[0]?.body.data)).join();
    for (const line of root.key
      .pem()
      .split('\n')
      .filter((l) => l.length > 20 && !l.startsWith('-----')))
      expect(sent).not.toContain(line);
  });

  it('refuses a bundle whose root differs from the cluster root unless allowed; accepts an overlapping one', async () => {
    const { root, east } = await mesh();
    const other = await mesh();
    const kube = memoryClient();
    await installCacerts(kube.client, cacertsBundle('east', east, root.certPem), { now: NOW });
    const foreign = cacertsBundle('east', other.east, other.root.certPem);
    await expect(installCacerts(kube.client, foreign, { now: NOW })).rejects.toMatchObject({
      name: 'CertsError',
      code: 'CERT_ROOT_CHANGE_REFUSED',
      message: expect.stringContaining('would cut this cluster off from the others'),
    });
    expect(kube.writes).toHaveLength(1);
    // a rotation bundle (old + new roots) overlaps the cluster's root and goes through
    const rotating = cacertsBundle('east', east, root.certPem, [root.certPem, other.root.certPem]);
    expect((await installCacerts(kube.client, rotating, { now: NOW })).action).toBe('updated');
    // and an unrelated root goes through only when explicitly allowed
    const kube2 = memoryClient();
    await installCacerts(kube2.client, cacertsBundle('east', east, root.certPem), { now: NOW });
    expect((await installCacerts(kube2.client, foreign, { now: NOW, allowRootChange: true })).action).toBe(
      'updated',
    );
  });

  it('replaces a runbook-style cacerts holding a root key only with --allow-root-change, dropping the extra keys', async () => {
    const { root, east } = await mesh();
    const runbook = {
      'primary-cert.pem': 'eA==',
      'root-key.pem': Buffer.from('-----BEGIN PRIVATE KEY-----').toString('base64'),
    };
    const kube = memoryClient({ data: runbook });
    await expect(
      installCacerts(kube.client, cacertsBundle('east', east, root.certPem), { now: NOW }),
    ).rejects.toMatchObject({
      code: 'CERT_ROOT_CHANGE_REFUSED',
      message: expect.stringContaining('no readable root'),
    });
    await installCacerts(kube.client, cacertsBundle('east', east, root.certPem), {
      now: NOW,
      allowRootChange: true,
    });
    expect(Object.keys(kube.current()?.data ?? {}).sort()).toEqual([
      'ca-cert.pem',
      'ca-key.pem',
      'cert-chain.pem',
      'root-cert.pem',
    ]);
  });

  it('refuses an invalid bundle before touching the cluster, and wraps API errors without echoing bodies', async () => {
    const { root, east } = await mesh();
    const other = await mesh();
    const kube = memoryClient();
    const mismatched = { ...cacertsBundle('east', east, root.certPem), caKey: other.east.key };
    await expect(installCacerts(kube.client, mismatched, { now: NOW })).rejects.toMatchObject({
      code: 'CERT_BUNDLE_INVALID',
      message: expect.stringContaining('[key-mismatch]'),
    });
    expect(kube.writes).toHaveLength(0);
    const failing: CacertsKubeClient = {
      ...kube.client,
      readNamespace: async () => {
        throw new ApiError(403);
      },
    };
    const error = await installCacerts(failing, cacertsBundle('east', east, root.certPem), {
      now: NOW,
    }).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({
      name: 'KubeError',
      code: 'KUBE_API_FAILED',
      status: 403,
      message: 'east: reading namespace istio-system failed (HTTP 403)',
    });
    expect(String(error)).not.toContain('PRIVATE KEY');
  });
});
