import { exampleTopologyText } from '@okemesh/topology';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';

async function workdir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'okemesh-cli-'));
}

describe('okemesh validate', () => {
  it('validates the built-in example and prints a readable summary', async () => {
    const io = bufferIo();
    expect(await run(['validate'], io)).toBe(0);
    expect(io.out()).toContain('<built-in example> is a valid topology');
    expect(io.out()).toContain('primary-cluster [us-sanjose-1, network1, primary]');
    expect(io.out()).toContain('bookinfo/productpage');
    expect(io.out()).not.toContain('\u001b[');
  });

  it('lists every problem of a broken file with file:line:column and exits 1', async () => {
    const dir = await workdir();
    const broken = exampleTopologyText()
      .replace('cidr: 10.1.0.0/16', 'cidr: 10.0.0.0/16')
      .replace('region: us-chicago-1', 'region: us-chicgo-1');
    await writeFile(join(dir, 'mesh.yaml'), broken);
    const io = bufferIo(dir);
    expect(await run(['validate', '-f', 'mesh.yaml'], io)).toBe(1);
    const lines = io.err().split('\n');
    const line = broken.split('\n').findIndex((l) => l.includes('us-chicgo-1')) + 1;
    expect(lines).toContain(
      `${join(dir, 'mesh.yaml')}:${line}:15 error spec.clusters[1].region: "us-chicgo-1" is not an OCI region`,
    );
    expect(io.err()).toMatch(
      /mesh\.yaml:\d+:\d+ error spec\.clusters\[1\]\.vcn\.cidr: vcn CIDR 10\.0\.0\.0\/16 overlaps/,
    );
    expect(io.err()).toContain('fix: did you mean us-chicago-1?');
    expect(io.err()).toMatch(/error: \d+ errors: topology is not valid/);
  });

  it('prints JSON for automation', async () => {
    const io = bufferIo();
    expect(await run(['validate', '--json'], io)).toBe(0);
    const result = JSON.parse(io.out()) as { valid: boolean; summary: { clusters: unknown[] } };
    expect(result.valid).toBe(true);
    expect(result.summary.clusters).toHaveLength(2);
  });

  it('reports invalid topologies as JSON with exit 1', async () => {
    const dir = await workdir();
    await writeFile(join(dir, 'm.yaml'), exampleTopologyText().replace('rto: 15m', 'rto: soon'));
    const io = bufferIo(dir);
    expect(await run(['validate', '-f', 'm.yaml', '--json'], io)).toBe(1);
    const result = JSON.parse(io.out()) as { valid: boolean; issues: { path: string; line: number }[] };
    expect(result.valid).toBe(false);
    expect(result.issues[0]).toMatchObject({ path: 'spec.slos.rto' });
  });

  it('exits 2 when the file does not exist', async () => {
    const io = bufferIo(await workdir());
    expect(await run(['validate', '-f', 'nope.yaml'], io)).toBe(2);
    expect(io.err()).toContain('nope.yaml:1:1 error (document): file not found');
  });

  it('colours output only when asked to', async () => {
    const io = bufferIo(process.cwd(), true);
    await run(['validate'], io);
    expect(io.out()).toContain('\u001b[');
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command or option, 0 on --help', async () => {
    expect(await run(['frobnicate'], bufferIo())).toBe(2);
    expect(await run(['validate', '--nope'], bufferIo())).toBe(2);
    const io = bufferIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Exit codes: 0 ok, 1 findings');
    expect(io.out()).toContain('validate');
  });

  it('prints the JSON schema', async () => {
    const io = bufferIo();
    expect(await run(['schema'], io)).toBe(0);
    const schema = JSON.parse(io.out()) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe('okemesh MeshTopology');
    expect(Object.keys(schema.properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });
});

describe('okemesh validate --live', () => {
  it('checks the topology against what OKE reports and refuses FLANNEL_OVERLAY (exit 1)', async () => {
    const { startOciFake, writeFlannelTopology } = await import('./network-test-fake.js');
    const { vi } = await import('vitest');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const oci = await startOciFake();
    try {
      const ok = bufferIo();
      expect(await run(['validate', '--live', ...oci.args], ok)).toBe(0);
      expect(ok.out()).toContain('live check against OCI:');
      expect(ok.out()).toContain('cni        OCI_VCN_IP_NATIVE');

      await writeFlannelTopology(oci);
      const io = bufferIo(oci.dir);
      expect(await run(['validate', '-f', 'mesh.yaml', '--live', '--json', ...oci.args], io)).toBe(1);
      const result = JSON.parse(io.out()) as {
        valid: boolean;
        live: { clusters: { findings: { message: string }[] }[] };
      };
      expect(result.valid).toBe(false);
      expect(result.live.clusters[1]?.findings.map((f) => f.message).join('\n')).toMatch(
        /FLANNEL_OVERLAY.*recreate|FLANNEL_OVERLAY/,
      );
    } finally {
      await oci.stop();
    }
  });
});
