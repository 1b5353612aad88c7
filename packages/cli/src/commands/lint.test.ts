import { exampleTopologyText } from '@okemesh/topology';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('exits 2 with file and line on malformed YAML and on missing paths, still reporting the rest', async () => {
    const dir = await workdir({
      'broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n',
      'dr.yaml': badDestinationRule,
    });
    const io = bufferIo(dir);
    expect(await run(['lint', 'broken.yaml', 'dr.yaml', 'missing.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/unreadable: broken\.yaml:\d+:\d+: /);
    expect(io.err()).toMatch(/unreadable: .*missing\.yaml: ENOENT/);
    expect(io.out()).toContain('[IST0106]');
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
