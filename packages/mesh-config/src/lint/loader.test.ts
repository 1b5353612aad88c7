import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLintInput } from './loader.js';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'okemesh-loader-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

describe('loadLintInput', () => {
  it('reads multi-document files and keeps file and line per document', async () => {
    const dir = await tree({ 'all.yaml': `${ns('a')}---\n${ns('b')}` });
    const input = await loadLintInput(['all.yaml'], { cwd: dir });
    expect(input.documents.map((d) => [d.file, d.locate([]).line])).toEqual([
      ['all.yaml', 1],
      ['all.yaml', 6],
    ]);
    expect(input.clusters).toEqual([]);
  });

  it('reports YAML syntax errors and unreadable paths as problems with file and line, never throws', async () => {
    const dir = await tree({
      'bad.yaml': `${ns('a')}---\nkind: [unclosed\n`,
      'dup.yaml': 'kind: Service\nkind: Pod\n',
      'dir/ok.yaml': ns('b'),
    });
    const input = await loadLintInput(['bad.yaml', 'dup.yaml', 'nope.yaml', 'dir'], { cwd: dir });
    expect(input.problems.map((p) => [p.file, p.line])).toEqual([
      ['bad.yaml', 7],
      ['dup.yaml', 2],
      ['nope.yaml', 0],
    ]);
    expect(input.documents.map((d) => d.file)).toEqual(['bad.yaml', 'dir/ok.yaml']);
  });

  it('treats `okemesh render` output (clusters/<name>/) as a multicluster mesh; global/ has no cluster', async () => {
    const dir = await tree({
      'bundle/clusters/fra/ns.yaml': ns('a'),
      'bundle/clusters/ash/install/iop.yaml': ns('b'),
      'bundle/global/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
      'bundle/README.md': '# not yaml',
    });
    const input = await loadLintInput(['bundle'], { cwd: dir });
    expect(input.clusters).toEqual(['ash', 'fra']);
    expect(input.documents.map((d) => [d.file, d.cluster])).toEqual([
      ['bundle/clusters/ash/install/iop.yaml', 'ash'],
      ['bundle/clusters/fra/ns.yaml', 'fra'],
      ['bundle/global/kustomization.yaml', undefined],
    ]);
  });

  it('treats a directory of cluster directories as a mesh, but not a kustomize base/overlays tree', async () => {
    const mesh = await tree({
      'a/x.yaml': ns('a'),
      'b/y.yaml': ns('b'),
      'kustomization.yaml': 'kind: Kustomization\n',
    });
    expect((await loadLintInput(['.'], { cwd: mesh })).clusters).toEqual(['a', 'b']);
    const kustomize = await tree({ 'base/x.yaml': ns('a'), 'overlays/prod/y.yaml': ns('b') });
    const input = await loadLintInput(['.'], { cwd: kustomize });
    expect(input.clusters).toEqual([]);
    expect(input.documents).toHaveLength(2);
    const flat = await tree({ 'a/x.yaml': ns('a'), 'b/y.yaml': ns('b'), 'top.yaml': ns('c') });
    expect((await loadLintInput(['.'], { cwd: flat })).clusters).toEqual([]);
  });
});
