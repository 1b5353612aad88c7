import { parseTopology } from '@okemesh/topology';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';

describe('okemesh init', () => {
  it('writes the commented example and its JSON schema, which validate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okemesh-init-'));
    const io = bufferIo(dir);
    expect(await run(['init'], io)).toBe(0);
    const text = await readFile(join(dir, 'mesh.yaml'), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=./mesh.schema.json');
    expect(text).toContain('# values.global.meshID');
    const schema = JSON.parse(await readFile(join(dir, 'mesh.schema.json'), 'utf8')) as { title: string };
    expect(schema.title).toBe('okemesh MeshTopology');
    expect(await run(['validate', '-f', 'mesh.yaml'], bufferIo(dir))).toBe(0);
  });

  it('refuses to overwrite without --force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okemesh-init-'));
    await writeFile(join(dir, 'mesh.yaml'), 'mine');
    const io = bufferIo(dir);
    expect(await run(['init'], io)).toBe(2);
    expect(io.err()).toContain('mesh.yaml already exists; pass --force');
    expect(await readFile(join(dir, 'mesh.yaml'), 'utf8')).toBe('mine');
    expect(await run(['init', '--force'], bufferIo(dir))).toBe(0);
  });

  it('init -o never replaces a mesh.schema.json that differs without --force; --json reports it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okemesh-init-'));
    await writeFile(join(dir, 'mesh.schema.json'), '{"mine": true}\n');
    const io = bufferIo(dir);
    expect(await run(['init', '-o', 'second.yaml', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({
      schemaWritten: false,
      next: 'okemesh validate -f second.yaml',
    });
    expect(await readFile(join(dir, 'mesh.schema.json'), 'utf8')).toBe('{"mine": true}\n');
    const text = bufferIo(dir);
    expect(await run(['init', '-o', 'third.yaml'], text)).toBe(0);
    expect(text.err()).toContain('kept the existing mesh.schema.json');
    expect(await run(['init', '-o', 'fourth.yaml', '--force'], bufferIo(dir))).toBe(0);
    const schema = JSON.parse(await readFile(join(dir, 'mesh.schema.json'), 'utf8')) as { title: string };
    expect(schema.title).toBe('okemesh MeshTopology');
  });

  it('commands without -f use ./mesh.yaml when present and say which topology they used', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okemesh-init-'));
    const before = bufferIo(dir);
    expect(await run(['validate', '--json'], before)).toBe(0);
    expect(before.err()).toContain('using the built-in example topology (no ./mesh.yaml here');
    expect(await run(['init', '--name', 'shop'], bufferIo(dir))).toBe(0);
    const after = bufferIo(dir);
    expect(await run(['validate', '--json'], after)).toBe(0);
    expect(after.err()).toBe('using topology ./mesh.yaml\n');
    expect((JSON.parse(after.out()) as { file: string }).file).toBe(join(dir, 'mesh.yaml'));
    const rendered = bufferIo(dir);
    expect(await run(['render', '--json'], rendered)).toBe(0);
    expect(await readFile(join(dir, 'okemesh-out', 'mesh.yaml'), 'utf8')).toContain('name: shop');
  });

  it('builds a three-region topology from flags with non-overlapping ranges', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okemesh-init-'));
    const args = [
      'init',
      '-o',
      'three.yaml',
      '--name',
      'shop',
      '--mesh-id',
      'shop-mesh',
      '--istio-version',
      '1.29.6',
    ];
    const clusters = [
      '--cluster',
      'east@us-ashburn-1',
      '--cluster',
      'west@us-phoenix-1',
      '--cluster',
      'eu@eu-frankfurt-1',
    ];
    expect(await run([...args, ...clusters], bufferIo(dir))).toBe(0);
    const { topology } = parseTopology(await readFile(join(dir, 'three.yaml'), 'utf8'));
    expect(topology.metadata.name).toBe('shop');
    expect(topology.spec.mesh).toMatchObject({
      id: 'shop-mesh',
      istio: { version: '1.29.6', revision: '1-29-6' },
    });
    expect(topology.spec.clusters.map((c) => [c.name, c.region, c.network, c.vcn.cidr, c.role])).toEqual([
      ['east', 'us-ashburn-1', 'network1', '10.0.0.0/16', 'primary'],
      ['west', 'us-phoenix-1', 'network2', '10.1.0.0/16', 'secondary'],
      ['eu', 'eu-frankfurt-1', 'network3', '10.2.0.0/16', 'secondary'],
    ]);
    const reviews = topology.spec.services.find((s) => s.name === 'reviews')!;
    expect(reviews.failover).toEqual({
      mode: 'active-active',
      weights: { 'us-ashburn-1': 34, 'us-phoenix-1': 33, 'eu-frankfurt-1': 33 },
    });
  });

  it('rejects malformed --cluster flags and invalid results without writing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okemesh-init-'));
    const io = bufferIo(dir);
    expect(await run(['init', '--cluster', 'east', '--cluster', 'b@us-phoenix-1'], io)).toBe(2);
    expect(io.err()).toContain('must look like <name>@<region>');
    const bad = bufferIo(dir);
    expect(await run(['init', '--cluster', 'a@us-ashburn-1', '--cluster', 'b@mars-north-1'], bad)).toBe(1);
    expect(bad.err()).toContain('"mars-north-1" is not an OCI region');
    await expect(readFile(join(dir, 'mesh.yaml'))).rejects.toThrow();
  });
});
