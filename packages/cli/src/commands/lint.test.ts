import { exampleTopologyText } from '@okemesh/topology';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';

const badDestinationRule = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: app
  namespace: default
spec:
  host: app.default.svc.cluster.local
  trafficPolicy:
    outlierDetection:
      minEjectionPercent: 50
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: app
  namespace: default
spec:
  selector: { app: app }
  ports:
    - { name: http, port: 80 }
`;

async function workdir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'okemesh-lint-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

describe('okemesh lint', () => {
  it('prints istioctl-style findings with file:line and a hint, and exits 1 on an error', async () => {
    const dir = await workdir({ 'dr.yaml': `${badDestinationRule}---\n${service}` });
    const io = bufferIo(dir);
    expect(await run(['lint', 'dr.yaml'], io)).toBe(1);
    expect(io.out()).toContain(
      'Error [IST0106] (DestinationRule default/app dr.yaml:10) Schema validation error: spec.trafficPolicy.outlierDetection.minEjectionPercent: unknown field "minEjectionPercent"',
    );
    expect(io.out()).toContain('  hint: remove the field');
    expect(io.out()).toMatch(/1 finding\(s\): 1 error\(s\)/);
  });

  it('colours findings by level on a TTY', async () => {
    const dir = await workdir({ 'dr.yaml': badDestinationRule });
    const io = bufferIo(dir, true);
    expect(await run(['lint', 'dr.yaml'], io)).toBe(1);
    const errorLine =
      io
        .out()
        .split('\n')
        .find((l) => l.includes('[IST0106]')) ?? '';
    expect(errorLine.startsWith('\u001b[31m')).toBe(true);
  });

  it('exits 0 on clean input and skips unknown kinds', async () => {
    const dir = await workdir({
      'ok.yaml': `${service}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\nspec: { anything: 1 }\n`,
    });
    const io = bufferIo(dir);
    expect(await run(['lint', 'ok.yaml'], io)).toBe(0);
    expect(io.out()).toBe('No problems found.\n');
  });

  it('--fail-on decides which level fails the run', async () => {
    const warningOnly = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: app, namespace: default }
spec:
  host: app.default.svc.cluster.local
  trafficPolicy: { connectionPool: { tcp: { connectTimeout: 10ms } } }
`;
    const dir = await workdir({ 'w.yaml': `${warningOnly}---\n${service}` });
    expect(await run(['lint', 'w.yaml'], bufferIo(dir))).toBe(0);
    expect(await run(['lint', 'w.yaml', '--fail-on', 'warning'], bufferIo(dir))).toBe(1);
    expect(await run(['lint', 'w.yaml', '--fail-on', 'bogus'], bufferIo(dir))).toBe(2);
  });

  it('--format json prints an array of findings; --format sarif a SARIF 2.1.0 log', async () => {
    const dir = await workdir({ 'dr.yaml': badDestinationRule });
    const json = bufferIo(dir);
    expect(await run(['lint', 'dr.yaml', '--format', 'json'], json)).toBe(1);
    const findings = JSON.parse(json.out()) as {
      code: string;
      level: string;
      resource: string;
      file: string;
      line: number;
      hint: string;
    }[];
    expect(findings.map((f) => f.code).sort()).toEqual(['IST0106', 'IST0174']);
    expect(findings[0]).toMatchObject({ resource: 'DestinationRule default/app', file: 'dr.yaml' });
    const sarif = bufferIo(dir);
    expect(await run(['lint', 'dr.yaml', '--format', 'sarif'], sarif)).toBe(1);
    const log = JSON.parse(sarif.out()) as {
      version: string;
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.map((r) => r.ruleId).sort()).toEqual(['IST0106', 'IST0174']);
  });

  it('exits 2 with file and line on malformed YAML and missing paths, before any finding', async () => {
    const dir = await workdir({
      'broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n',
      'dr.yaml': badDestinationRule,
    });
    const io = bufferIo(dir);
    expect(await run(['lint', 'broken.yaml', 'dr.yaml', 'missing.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/unreadable: broken\.yaml:\d+:\d+: /);
    expect(io.err()).toMatch(/unreadable: missing\.yaml: no such file or directory/);
    expect(io.err()).toMatch(
      /^error: 2 inputs could not be read, parsed or built; nothing was linted \[MESH_LINT_INPUT_UNREADABLE\]$/m,
    );
    expect(io.out()).toBe('');
  });

  it('an empty directory or a path without YAML fails (exit 2) in text, JSON and SARIF', async () => {
    const dir = await workdir({ 'notes/readme.txt': 'no yaml here' });
    await mkdir(join(dir, 'empty'));
    for (const path of ['empty', 'notes']) {
      const io = bufferIo(dir);
      expect(await run(['lint', path], io), path).toBe(2);
      expect(io.out()).not.toContain('No problems found');
      expect(io.err()).toContain('[MESH_LINT_NO_INPUT]');
    }
    const json = bufferIo(dir);
    expect(await run(['lint', 'empty', '--format', 'json'], json)).toBe(2);
    expect(JSON.parse(json.out())).toMatchObject({ error: { code: 'MESH_LINT_NO_INPUT', exit: 2 } });
    const sarif = bufferIo(dir);
    expect(await run(['lint', 'missing.yaml', '--format', 'sarif'], sarif)).toBe(2);
    const log = JSON.parse(sarif.out()) as {
      runs: {
        results: unknown[];
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
      }[];
    };
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications).toHaveLength(2);
  });

  it('a Helm chart template is one error naming helm template, with file:line', async () => {
    const dir = await workdir({
      'templates/dr.yaml':
        'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: {{ .Values.name }}\n',
    });
    const io = bufferIo(dir);
    expect(await run(['lint', 'templates'], io)).toBe(2);
    expect(io.err()).toMatch(/unreadable: templates\/dr\.yaml:4:\d+: .*helm template/);
  });

  it('--namespace places resources that name none, like istioctl analyze -n', async () => {
    const virtualService = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: app, namespace: shop }
spec:
  hosts: [app]
  http:
    - route:
        - destination: { host: app }
`;
    const dir = await workdir({
      'svc.yaml': service.replace('  namespace: default\n', ''),
      'vs.yaml': virtualService,
    });
    const inShop = bufferIo(dir);
    await run(['lint', '.', '--namespace', 'shop', '--format', 'json'], inShop);
    const inDefault = bufferIo(dir);
    await run(['lint', '.', '--format', 'json'], inDefault);
    const hostMissing = (out: string) =>
      (JSON.parse(out) as { code: string; message: string }[]).filter(
        (f) => f.code === 'IST0101' && /host/i.test(f.message),
      );
    expect(hostMissing(inShop.out())).toEqual([]);
    expect(hostMissing(inDefault.out()).length).toBeGreaterThan(0);
  });

  it('--mesh-config reads a MeshConfig file; a bad one is exit 2 with its code', async () => {
    const dir = await workdir({
      'dr.yaml': badDestinationRule,
      'bad-mesh.yaml': '- not\n- a mapping\n',
      'mesh.yaml': 'defaultConfig:\n  proxyMetadata: {}\n',
    });
    expect(await run(['lint', 'dr.yaml', '--mesh-config', 'mesh.yaml'], bufferIo(dir))).toBe(1);
    const bad = bufferIo(dir);
    expect(await run(['lint', 'dr.yaml', '--mesh-config', 'bad-mesh.yaml'], bad)).toBe(2);
    expect(bad.err()).toContain('[MESH_LINT_MESH_FILE_INVALID]');
  });

  it('a missing kustomize resource is exit 2 with MESH_LINT_KUSTOMIZE_FAILED', async () => {
    const dir = await workdir({
      'app/kustomization.yaml': 'resources:\n  - ../base\n',
      'app/svc.yaml': service,
    });
    const io = bufferIo(dir);
    expect(await run(['lint', 'app'], io)).toBe(2);
    expect(io.err()).toMatch(/unreadable: app\/kustomization\.yaml: resource \.\.\/base does not exist/);
    expect(io.err()).toContain('[MESH_LINT_KUSTOMIZE_FAILED]');
  });

  it('a rendered bundle carries its topology: render then lint passes without flags', async () => {
    const dir = await workdir({ 'mesh.yaml': exampleTopologyText() });
    expect(await run(['render', '-o', 'okemesh-out'], bufferIo(dir))).toBe(0);
    const io = bufferIo(dir);
    expect(await run(['lint', 'okemesh-out'], io)).toBe(0);
    expect(io.err()).toContain('using topology okemesh-out/mesh.yaml (found in the input)');
    expect(io.out()).toContain('No problems found');
  });

  it('lints a directory of cluster directories as a multicluster mesh, with --topology', async () => {
    const topology = exampleTopologyText();
    const gateway = (selector: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: cross-network-gateway, namespace: istio-system }
spec:
  selector: { istio: ${selector} }
  servers:
    - port: { number: 15443, name: tls, protocol: TLS }
      tls: { mode: AUTO_PASSTHROUGH }
      hosts: ["*.local"]
`;
    const dir = await workdir({
      'mesh.yaml': topology,
      'out/primary-cluster/gw.yaml': gateway('eastwestgateway'),
      'out/secondary-cluster/gw.yaml': gateway('egressgateway'),
    });
    const io = bufferIo(dir);
    expect(await run(['lint', 'out', '--topology', 'mesh.yaml'], io)).toBe(1);
    expect(io.out()).toContain(
      '[secondary-cluster] Error [OKM0012] (Gateway istio-system/cross-network-gateway out/secondary-cluster/gw.yaml:5)',
    );
    expect(io.out()).toContain('[OKM0090]');
    expect(await run(['lint', 'out', '--topology', 'nope.yaml'], bufferIo(dir))).toBe(2);
  });
});

describe('okemesh lint with Istio grid cases that need mesh files (like istioctl analyze --meshConfigFile)', () => {
  const grid = fileURLToPath(
    new URL('../../../../../shared/conformance/istio-analyzers/testdata/', import.meta.url),
  );
  const codes = async (args: string[]) => {
    const io = bufferIo(grid);
    await run(['lint', ...args, '--format', 'json'], io);
    expect(io.err()).toBe('');
    return (JSON.parse(io.out()) as { code: string }[]).map((f) => f.code);
  };

  it('--mesh-networks: an unknown service registry is IST0126, twice, as in the grid', async () => {
    const input = 'multicluster-unknown-serviceregistry.yaml';
    const found = await codes([input, '--mesh-networks', 'common/meshnetworks.yaml']);
    expect(found.filter((c) => c === 'IST0126')).toHaveLength(2);
    expect(await codes([input])).not.toContain('IST0126');
  });

  it('--mesh-config: ISTIO_META_DNS_AUTO_ALLOCATE in the MeshConfig clears the missing-address findings', async () => {
    const input = 'serviceentry-missing-addresses-protocol.yaml';
    const without = await codes([input]);
    const withMesh = await codes([
      input,
      '--mesh-config',
      'serviceentry-missing-addresses-protocol-mesh-cfg.yaml',
    ]);
    expect(without).toContain('IST0134');
    expect(withMesh).not.toContain('IST0134');
  });

  it('duplicate and overlapping matches are IST0130 / IST0131', async () => {
    const found = await codes(['virtualservice_dupmatches.yaml', 'virtualservice_overlappingmatches.yaml']);
    expect(found.filter((c) => c === 'IST0130')).toHaveLength(5);
    expect(found).toContain('IST0131');
  });
});
