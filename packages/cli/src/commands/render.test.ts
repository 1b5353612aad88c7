import { exampleTopologyText } from '@okemesh/topology';
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';
import { writeBundle } from './render.js';

async function workdir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'okemesh-render-'));
}

describe('okemesh render', () => {
  it('renders the built-in example into ./okemesh-out and reports what it wrote', async () => {
    const dir = await workdir();
    const io = bufferIo(dir);
    expect(await run(['render'], io)).toBe(0);
    expect(io.out()).toMatch(/wrote \d+ files \(\d+ objects\) to okemesh-out/);
    const kustomization = await readFile(
      join(dir, 'okemesh-out/clusters/primary-cluster/kustomization.yaml'),
      'utf8',
    );
    expect(kustomization).toContain('gateway.istio-system.cross-network-gateway.yaml');
    expect(kustomization).not.toContain('istio-operator');
    const appSet = await readFile(
      join(dir, 'okemesh-out/global/application-set.argocd.bookinfo-mesh.yaml'),
      'utf8',
    );
    expect(appSet).toContain('path: okemesh-out/clusters/{{.cluster}}');
    expect(await readdir(dir)).toEqual(['okemesh-out']);
  });

  it('replaces an earlier bundle atomically and prints JSON with --json', async () => {
    const dir = await workdir();
    await writeFile(join(dir, 'mesh.yaml'), exampleTopologyText());
    expect(await run(['render', '-f', 'mesh.yaml', '-o', 'out'], bufferIo(dir))).toBe(0);
    await writeFile(join(dir, 'out/clusters/stale.yaml'), 'stale: true\n');
    const io = bufferIo(dir);
    expect(
      await run(
        ['render', '-f', 'mesh.yaml', '-o', 'out', '--json', '--repo-url', 'https://git.example.org/m.git'],
        io,
      ),
    ).toBe(0);
    const report = JSON.parse(io.out()) as { files: string[]; objects: number; clusters: string[] };
    expect(report.clusters).toEqual(['primary-cluster', 'secondary-cluster']);
    expect(report.files).toContain('RUNBOOK.md');
    expect(report.objects).toBeGreaterThan(40);
    expect(await readdir(join(dir, 'out/clusters'))).toEqual(['primary-cluster', 'secondary-cluster']);
    expect(await readdir(dir)).toEqual(['mesh.yaml', 'out']);
    expect(
      await readFile(join(dir, 'out/global/application-set.argocd.bookinfo-mesh.yaml'), 'utf8'),
    ).toContain('repoURL: https://git.example.org/m.git');
  });

  it('refuses to replace a directory that is not an okemesh bundle (exit 2) and leaves it alone', async () => {
    const dir = await workdir();
    await mkdir(join(dir, 'precious'));
    await writeFile(join(dir, 'precious/notes.txt'), 'keep me');
    const io = bufferIo(dir);
    expect(await run(['render', '-o', 'precious'], io)).toBe(2);
    expect(io.err()).toContain('is not an okemesh bundle');
    expect(await readdir(join(dir, 'precious'))).toEqual(['notes.txt']);
  });

  it('reports an invalid topology with its location and writes nothing (exit 1)', async () => {
    const dir = await workdir();
    await writeFile(
      join(dir, 'mesh.yaml'),
      exampleTopologyText().replace('cidr: 10.1.0.0/16', 'cidr: 10.0.0.0/16'),
    );
    const io = bufferIo(dir);
    expect(await run(['render', '-f', 'mesh.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/mesh\.yaml:\d+:\d+ error spec\.clusters\[1\]\.vcn\.cidr/);
    expect(await readdir(dir)).toEqual(['mesh.yaml']);
  });

  it('leaves the previous bundle untouched and no temporary directory when writing fails', async () => {
    const dir = await workdir();
    expect(await run(['render', '-o', 'out'], bufferIo(dir))).toBe(0);
    const before = await readFile(join(dir, 'out/RUNBOOK.md'), 'utf8');
    const broken = {
      files: [
        { path: 'README.md', content: '# okemesh bundle: x\n' },
        { path: 'a', content: 'file' },
        { path: 'a/b.yaml', content: 'cannot live under a file\n' },
      ],
      objects: [],
    };
    await expect(writeBundle(broken, join(dir, 'out'))).rejects.toThrow();
    expect(await readFile(join(dir, 'out/RUNBOOK.md'), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['out']);
  });
  it('writes every file of a large bundle with its mode, more files than writes in flight', async () => {
    const dir = await workdir();
    const files = [
      { path: 'README.md', content: '# okemesh bundle: x\n' },
      ...Array.from({ length: 600 }, (_, i) => ({
        path: `clusters/c${i % 7}/svc-${i}.yaml`,
        content: `n: ${i}\n`,
        ...(i % 50 === 0 ? { mode: 0o600 } : {}),
      })),
    ];
    await writeBundle({ files }, join(dir, 'out'));
    for (const [i, file] of files.entries()) {
      const target = join(dir, 'out', file.path);
      expect(await readFile(target, 'utf8')).toBe(file.content);
      const mode = (await stat(target)).mode & 0o777;
      // 0600 exactly for private files; the others 0644 less the umask.
      if (i > 0 && (i - 1) % 50 === 0) expect(mode).toBe(0o600);
      else expect(mode & ~0o644).toBe(0);
    }
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('stops writing at the first failure among many and leaves no temporary directory', async () => {
    const dir = await workdir();
    const files = [
      { path: 'README.md', content: '# okemesh bundle: x\n' },
      ...Array.from({ length: 400 }, (_, i) => ({ path: `d${i % 5}/f${i}.yaml`, content: 'x\n' })),
      // The same path twice: the exclusive create of the second one fails.
      { path: 'd0/f0.yaml', content: 'again\n' },
      ...Array.from({ length: 400 }, (_, i) => ({ path: `e/f${i}.yaml`, content: 'x\n' })),
    ];
    await expect(writeBundle({ files }, join(dir, 'out'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readdir(dir)).toEqual([]);
  });
});
