import { startFakeKubes, writeMultiClusterKubeconfig, type FakeKube } from '@okemesh/fake-kube';
import { loadExampleTopology } from '@okemesh/topology';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kubeconfigClientFactory, linkClusters, type LinkClientFactory } from '../../src/link/index.js';

const topology = loadExampleTopology().topology;
function clusterAt(index: number) {
  const cluster = topology.spec.clusters[index];
  if (!cluster) throw new Error(`the example has no cluster ${index}`);
  return cluster;
}
const primary = clusterAt(0);
const secondary = clusterAt(1);

let fakes: readonly [FakeKube, FakeKube];
let kubeconfig: string;

beforeEach(async () => {
  fakes = await startFakeKubes([
    { name: primary.name, namespaces: ['istio-system'] },
    { name: secondary.name, namespaces: ['istio-system'] },
  ] as const);
  const path = join(await mkdtemp(join(tmpdir(), 'okemesh-link-')), 'kubeconfig');
  await writeMultiClusterKubeconfig(path, [
    { context: primary.kubeContext, cluster: fakes[0] },
    { context: secondary.kubeContext, cluster: fakes[1] },
  ]);
  kubeconfig = await readFile(path, 'utf8');
});

afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

async function secretIn(fake: FakeKube, name: string) {
  const factory = kubeconfigClientFactory(kubeconfig);
  const context = fake === fakes[0] ? primary.kubeContext : secondary.kubeContext;
  return (await factory(context)).readSecret('istio-system', name);
}

describe('linkClusters against fake Kubernetes API servers', () => {
  it('creates istio-remote-secret-<cluster> in every other cluster with the CA embedded and a working token', async () => {
    const result = await linkClusters(topology, kubeconfigClientFactory(kubeconfig));
    expect(result.changes).toEqual([
      {
        target: secondary.name,
        source: primary.name,
        secret: `istio-system/istio-remote-secret-${primary.name}`,
        action: 'create',
      },
      {
        target: primary.name,
        source: secondary.name,
        secret: `istio-system/istio-remote-secret-${secondary.name}`,
        action: 'create',
      },
    ]);
    expect(result.tokenSources).toEqual({ [primary.name]: 'token-secret', [secondary.name]: 'token-secret' });
    expect(result.prerequisites).toContain(
      `${primary.name}: Secret istio-system/istio-reader-service-account-istio-remote-secret-token`,
    );

    const secret = await secretIn(fakes[1], `istio-remote-secret-${primary.name}`);
    expect(secret?.metadata.labels?.['istio/multiCluster']).toBe('true');
    expect(secret?.metadata.annotations?.['networking.istio.io/cluster']).toBe(primary.name);
    expect(Object.keys(secret?.data ?? {})).toEqual([primary.name]);
    expect(await secretIn(fakes[0], `istio-remote-secret-${primary.name}`)).toBeUndefined();

    const remote = Buffer.from(secret?.data?.[primary.name] ?? '', 'base64').toString('utf8');
    const doc = parse(remote) as {
      clusters: { cluster: Record<string, unknown> }[];
      users: { user: { token: string } }[];
      'current-context': string;
    };
    expect(doc['current-context']).toBe(primary.name);
    expect(doc.clusters[0]?.cluster['certificate-authority-data']).toBe(
      Buffer.from(fakes[0].caPem).toString('base64'),
    );
    expect(doc.clusters[0]?.cluster['server']).toBe(fakes[0].server);
    expect(remote).not.toContain('insecure-skip-tls-verify');
    expect(JSON.stringify(result)).not.toContain(doc.users[0]?.user.token);

    // The embedded kubeconfig is what istiod uses: it must reach the source cluster with TLS verified.
    const asIstiod = kubeconfigClientFactory(remote);
    const reader = await asIstiod(primary.name);
    expect(await reader.namespaceExists('istio-system')).toBe(true);
  });

  it('is idempotent: a second run changes nothing and sends no writes', async () => {
    await linkClusters(topology, kubeconfigClientFactory(kubeconfig));
    const writes = fakes.map((f) => f.mutatingRequests().length);
    const again = await linkClusters(topology, kubeconfigClientFactory(kubeconfig));
    expect(again.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);
    expect(again.prerequisites).toEqual([]);
    expect(fakes.map((f) => f.mutatingRequests().length)).toEqual(writes);
  });

  it('repairs a drifted secret with an update', async () => {
    await linkClusters(topology, kubeconfigClientFactory(kubeconfig));
    const name = `istio-remote-secret-${secondary.name}`;
    const current = await secretIn(fakes[0], name);
    fakes[0].seed({
      ...(current as object),
      data: { [secondary.name]: Buffer.from('stale').toString('base64') },
    } as never);
    const result = await linkClusters(topology, kubeconfigClientFactory(kubeconfig));
    expect(result.changes.find((c) => c.target === primary.name)?.action).toBe('update');
    const repaired = await secretIn(fakes[0], name);
    expect(Buffer.from(repaired?.data?.[secondary.name] ?? '', 'base64').toString('utf8')).toContain(
      'certificate-authority-data',
    );
  });

  it('--dry-run writes nothing, before and after linking', async () => {
    const before = await linkClusters(topology, kubeconfigClientFactory(kubeconfig), { dryRun: true });
    expect(before.changes.map((c) => c.action)).toEqual(['unknown', 'unknown']);
    expect(fakes.every((f) => f.mutatingRequests().length === 0)).toBe(true);
    await linkClusters(topology, kubeconfigClientFactory(kubeconfig));
    const writes = fakes.map((f) => f.mutatingRequests().length);
    const after = await linkClusters(topology, kubeconfigClientFactory(kubeconfig), { dryRun: true });
    expect(after.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);
    expect(fakes.map((f) => f.mutatingRequests().length)).toEqual(writes);
  });

  it('falls back to a TokenRequest when the token controller never fills the Secret, and says so', async () => {
    const real = kubeconfigClientFactory(kubeconfig);
    const withoutTokenController: LinkClientFactory = async (context) => {
      const client = await real(context);
      return {
        ...client,
        server: client.server,
        caData: client.caData,
        tlsServerName: client.tlsServerName,
        readSecret: async (namespace, name) => {
          const secret = await client.readSecret(namespace, name);
          return name.endsWith('-istio-remote-secret-token') && secret ? { ...secret, data: {} } : secret;
        },
      };
    };
    const result = await linkClusters(topology, withoutTokenController, { tokenWaitMs: 0 });
    expect(result.tokenSources[primary.name]).toBe('token-request');
    expect(result.warnings.join('\n')).toMatch(/TokenRequest token that expires/);
    const secret = await secretIn(fakes[1], `istio-remote-secret-${primary.name}`);
    const remote = Buffer.from(secret?.data?.[primary.name] ?? '', 'base64').toString('utf8');
    expect(await (await kubeconfigClientFactory(remote)(primary.name)).namespaceExists('istio-system')).toBe(
      true,
    );
  });

  it('refuses a context with insecure-skip-tls-verify before sending any request', async () => {
    const unsafe = kubeconfig.replace(/certificate-authority-data: .*/, 'insecure-skip-tls-verify: true');
    await expect(linkClusters(topology, kubeconfigClientFactory(unsafe))).rejects.toMatchObject({
      name: 'KubeError',
      code: 'KUBE_CONFIG_UNSAFE',
    });
    expect(fakes.every((f) => f.requests().length === 0)).toBe(true);
  });

  it('names a missing context', async () => {
    const other = kubeconfig.replaceAll(primary.kubeContext, 'elsewhere');
    await expect(linkClusters(topology, kubeconfigClientFactory(other))).rejects.toMatchObject({
      name: 'KubeError',
      code: 'KUBE_CONTEXT_NOT_FOUND',
    });
  });

  it('stops before writing anything when a cluster has no istio-system yet', async () => {
    fakes[1].remove({ apiVersion: 'v1', kind: 'Namespace', name: 'istio-system' });
    await expect(linkClusters(topology, kubeconfigClientFactory(kubeconfig))).rejects.toMatchObject({
      code: 'MESH_LINK_ISTIO_MISSING',
    });
    expect(fakes.every((f) => f.mutatingRequests().length === 0)).toBe(true);
  });

  /**
   * An OCI CLI stand-in: `oci ce cluster generate-token --cluster-id <id> --region <r>` printing an
   * ExecCredential, as the real one does, with the fake cluster's admin token.
   */
  async function ociKubeconfig(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'okemesh-oci-cli-'));
    const doc = parse(kubeconfig) as { users: { name: string; user: Record<string, unknown> }[] };
    const users = await Promise.all(
      doc.users.map(async (u, i) => {
        const oci = join(dir, `oci-${i}`);
        const credential = {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          kind: 'ExecCredential',
          status: { token: String(u.user['token']) },
        };
        await writeFile(
          oci,
          `#!${process.execPath}\nconst a = process.argv.slice(2);\nif (a.slice(0, 3).join(' ') !== 'ce cluster generate-token') process.exit(2);\nprocess.stdout.write(${JSON.stringify(JSON.stringify(credential))});\n`,
        );
        await chmod(oci, 0o700);
        return {
          name: u.name,
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1beta1',
              command: oci,
              args: [
                'ce',
                'cluster',
                'generate-token',
                '--cluster-id',
                `ocid1.cluster.oc1.phx.c${i}`,
                '--region',
                'us-phoenix-1',
              ],
              env: [],
              interactiveMode: 'Never',
            },
          },
        };
      }),
    );
    return stringify({ ...doc, users });
  }

  it('accepts the exec-plugin kubeconfig `oci ce cluster create-kubeconfig` writes; the remote secret stays token-only', async () => {
    const text = await ociKubeconfig();
    expect(text).toContain('generate-token');
    const result = await linkClusters(topology, kubeconfigClientFactory(text));
    expect(result.changes.map((c) => c.action)).toEqual(['create', 'create']);
    const secret = await secretIn(fakes[1], `istio-remote-secret-${primary.name}`);
    const remote = Buffer.from(secret?.data?.[primary.name] ?? '', 'base64').toString('utf8');
    expect(remote).not.toContain('exec');
    expect(remote).not.toContain('generate-token');
    expect((parse(remote) as { users: { user: Record<string, unknown> }[] }).users[0]?.user).toEqual({
      token: expect.any(String),
    });
  });

  it('writes the given private endpoint as the remote server, and warns when it has to use a public one', async () => {
    const servers = { [primary.name]: 'https://10.0.0.10:6443', [secondary.name]: 'https://10.1.0.10:6443' };
    const result = await linkClusters(topology, kubeconfigClientFactory(kubeconfig), { servers });
    const secret = await secretIn(fakes[1], `istio-remote-secret-${primary.name}`);
    const remote = parse(Buffer.from(secret?.data?.[primary.name] ?? '', 'base64').toString('utf8')) as {
      clusters: { cluster: { server: string } }[];
    };
    expect(remote.clusters[0]?.cluster.server).toBe('https://10.0.0.10:6443');
    expect(result.warnings.filter((w) => w.includes('private endpoint'))).toEqual([]);

    const publicServer = kubeconfig.replaceAll(fakes[0].server, 'https://129.146.10.20:6443');
    const factory = kubeconfigClientFactory(publicServer);
    // Only the server text of the remote secret is checked here: the client for primary cannot connect.
    const warned = await linkClusters(
      topology,
      async (context) => {
        const client = await factory(context);
        const real = await kubeconfigClientFactory(kubeconfig)(context);
        return { ...real, server: client.server };
      },
      { dryRun: true },
    );
    expect(warned.warnings.join('\n')).toContain(
      `${primary.name}: the remote secret uses https://129.146.10.20:6443 from the kubeconfig, not a private address`,
    );
  });
});
