import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';

async function workdir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'okemesh-render-extras-'));
}

/** A certificate store for the built-in example, made with the CLI (P-256 keeps it fast). */
async function certStore(dir: string): Promise<void> {
  expect(await run(['certs', 'init', '--dir', 'pki', '--key-type', 'ecdsa-p256'], bufferIo(dir))).toBe(0);
  expect(
    await run(['certs', 'issue', '--all', '--dir', 'pki', '--key-type', 'ecdsa-p256'], bufferIo(dir)),
  ).toBe(0);
}

describe('okemesh render: OCI artifacts and --certs', () => {
  it('writes the OCI plan, steering policy, monitor and IAM statements under global/oci', async () => {
    const dir = await workdir();
    expect(await run(['render'], bufferIo(dir))).toBe(0);
    const steering = JSON.parse(
      await readFile(join(dir, 'okemesh-out/global/oci/steering-policy.json'), 'utf8'),
    ) as {
      template: string;
    };
    expect(steering.template).toBe('FAILOVER');
    const iam = await readFile(join(dir, 'okemesh-out/global/oci/iam-policy.txt'), 'utf8');
    expect(iam).toMatch(/^Allow /m);
    const kustomization = await readFile(join(dir, 'okemesh-out/global/kustomization.yaml'), 'utf8');
    expect(kustomization).not.toContain('oci/');
  });

  it('--certs-mode secret writes the Secrets 0600 under a git-ignored secrets/, outside every kustomization', async () => {
    const dir = await workdir();
    await certStore(dir);
    const io = bufferIo(dir);
    expect(await run(['render', '--certs', 'pki', '--certs-mode', 'secret', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out()) as { containsPrivateKeys: boolean; files: string[] };
    expect(report.containsPrivateKeys).toBe(true);
    expect(io.err()).toContain('never commit them');
    expect(io.out()).not.toContain('PRIVATE KEY');
    const out = join(dir, 'okemesh-out');
    expect(await readFile(join(out, '.gitignore'), 'utf8')).toMatch(/^\/secrets\/$/m);
    for (const cluster of ['primary-cluster', 'secondary-cluster']) {
      const file = join(out, 'secrets', cluster, 'cacerts.yaml');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const secret = parse(await readFile(file, 'utf8')) as {
        kind: string;
        data?: Record<string, string>;
        stringData?: Record<string, string>;
      };
      expect(secret.kind).toBe('Secret');
      const keys = Object.keys(secret.data ?? secret.stringData ?? {}).sort();
      expect(keys).toEqual(['ca-cert.pem', 'ca-key.pem', 'cert-chain.pem', 'root-cert.pem']);
    }
    // Nothing Argo CD syncs from Git holds a key or points at one.
    for (const file of report.files.filter((f) => !f.startsWith('secrets/'))) {
      const text = await readFile(join(out, file), 'utf8');
      expect(text, file).not.toContain('PRIVATE KEY');
      expect(text, file).not.toContain('ca-key.pem:');
    }
    for (const cluster of ['primary-cluster', 'secondary-cluster'])
      expect(await readFile(join(out, `clusters/${cluster}/kustomization.yaml`), 'utf8')).not.toContain(
        'cacerts',
      );
  });

  it('keeps keys out of the bundle by default (external-secret)', async () => {
    const dir = await workdir();
    await certStore(dir);
    const io = bufferIo(dir);
    expect(await run(['render', '--certs', 'pki', '--json'], io)).toBe(0);
    expect((JSON.parse(io.out()) as { containsPrivateKeys: boolean }).containsPrivateKeys).toBe(false);
    const report = JSON.parse(io.out()) as { files: string[] };
    const external = report.files.filter((f) => f.includes('external-secret'));
    expect(external).toHaveLength(2);
    expect(report.files.some((f) => f.startsWith('secrets/'))).toBe(false);
    const runbook = await readFile(join(dir, 'okemesh-out', 'RUNBOOK.md'), 'utf8');
    expect(runbook).toContain('Private keys never go to Git');
    expect(runbook).toContain('`--certs-mode secret` writes the Secrets to `secrets/<cluster>/cacerts.yaml`');
    for (const file of report.files.filter((f) => f.startsWith('clusters/'))) {
      expect(await readFile(join(dir, 'okemesh-out', file), 'utf8')).not.toContain('PRIVATE KEY');
    }
  });

  it('refuses a certificate store that does not verify, writing nothing', async () => {
    const dir = await workdir();
    const io = bufferIo(dir);
    expect(await run(['render', '--certs', 'missing-store'], io)).toBe(1);
    expect(io.err()).toContain('error: --certs missing-store:');
    expect(io.err()).not.toContain('internal error');
    await expect(readFile(join(dir, 'okemesh-out/README.md'))).rejects.toThrow();
  });
});

describe('okemesh render --east-west-nsg', () => {
  const helmFile = 'okemesh-out/clusters/primary-cluster/install/helm/eastwest-gateway.values.yaml';

  it('puts the east-west NLB in the given NSGs with security-list management None', async () => {
    const dir = await workdir();
    const args = [
      'render',
      '--ingress-mode',
      'nsg',
      '--east-west-nsg',
      'primary-cluster=ocid1.networksecuritygroup.oc1.sjc.aaaa',
      '--east-west-nsg',
      'secondary-cluster=ocid1.networksecuritygroup.oc1.ord.bbbb',
    ];
    expect(await run(args, bufferIo(dir))).toBe(0);
    const values = parse(await readFile(join(dir, helmFile), 'utf8')) as {
      service: { annotations: Record<string, string> };
    };
    expect(values.service.annotations).toMatchObject({
      'oci-network-load-balancer.oraclecloud.com/security-list-management-mode': 'None',
      'oci.oraclecloud.com/oci-network-security-groups': 'ocid1.networksecuritygroup.oc1.sjc.aaaa',
    });
  });

  it('fails when a cluster has no NSG, and warns when --ingress-mode nsg comes without any', async () => {
    const dir = await workdir();
    const io = bufferIo(dir);
    expect(await run(['render', '--east-west-nsg', 'primary-cluster=ocid1.x'], io)).not.toBe(0);
    expect(io.err()).toContain('secondary-cluster');
    const warned = bufferIo(dir);
    expect(await run(['render', '--ingress-mode', 'nsg'], warned)).toBe(0);
    expect(warned.err()).toContain('--east-west-nsg');
  });
});

describe('okemesh render --ingress-tls external-secret', () => {
  it('writes the ingress TLS ExternalSecret into every cluster directory', async () => {
    const dir = await workdir();
    expect(await run(['render', '--ingress-tls', 'external-secret'], bufferIo(dir))).toBe(0);
    for (const cluster of ['primary-cluster', 'secondary-cluster']) {
      const object = parse(
        await readFile(
          join(dir, `okemesh-out/clusters/${cluster}/external-secret.istio-system.app-example-com-tls.yaml`),
          'utf8',
        ),
      ) as { kind: string; spec: { target: { template: { type: string } } } };
      expect(object.kind).toBe('ExternalSecret');
      expect(object.spec.target.template.type).toBe('kubernetes.io/tls');
    }
  });
});
