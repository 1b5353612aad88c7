import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { lint } from '../src/lint/lint.js';
import { loadLintInput } from '../src/lint/loader.js';
import { loadCase } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('ingress TLS Secret as an ExternalSecret (OCI Vault)', () => {
  const topology = loadCase('three-region');
  const bundle = render(topology, { ingressTlsExternalSecret: {} });

  it('renders istio-system/<tlsSecret> as a kubernetes.io/tls ExternalSecret in every cluster', () => {
    for (const cluster of topology.spec.clusters) {
      const found = bundle.objects.filter(
        (o) => o.cluster === cluster.name && o.object.kind === 'ExternalSecret',
      );
      expect(found.map((o) => o.object)).toEqual([
        expect.objectContaining({
          metadata: expect.objectContaining({ name: 'pay-example-com-tls', namespace: 'istio-system' }),
          spec: expect.objectContaining({
            secretStoreRef: { name: 'okemesh-oci-vault', kind: 'ClusterSecretStore' },
            target: expect.objectContaining({
              name: 'pay-example-com-tls',
              template: { type: 'kubernetes.io/tls' },
            }),
            data: [
              { secretKey: 'tls.crt', remoteRef: { key: 'pay-example-com-tls-crt' } },
              { secretKey: 'tls.key', remoteRef: { key: 'pay-example-com-tls-key' } },
            ],
          }),
        }),
      ]);
      const kustomization = bundle.files.find(
        (f) => f.path === `clusters/${cluster.name}/kustomization.yaml`,
      );
      expect(kustomization?.content).toContain('external-secret.istio-system.pay-example-com-tls.yaml');
    }
    const runbook = bundle.files.find((f) => f.path === 'RUNBOOK.md')?.content ?? '';
    expect(runbook).toContain('Put the ingress certificate in OCI Vault');
    expect(runbook).not.toContain('create secret tls');
  });

  it('lints without IST0101 for the Gateway credential: the ExternalSecret provides the Secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okemesh-ingress-tls-'));
    dirs.push(dir);
    for (const file of bundle.files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const findings = lint((await loadLintInput([dir], { cwd: dir })).documents);
    expect(findings.filter((f) => f.message.includes('pay-example-com-tls'))).toEqual([]);
  });
});
