import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from './lint.js';
import { loadLintInput } from './loader.js';

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'okemesh-kustomize-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

const base = {
  'base/kustomization.yaml':
    'resources:\n  - service.yaml\n  - destination-rule.yaml\n  - virtual-service.yaml\n',
  'base/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: reviews
spec:
  selector: { app: reviews }
  ports:
    - name: http
      port: 9080
`,
  'base/destination-rule.yaml': `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
    - name: v1
      labels: { version: v1 }
`,
  'base/virtual-service.yaml': `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
    - route:
        - destination: { host: reviews, subset: v1 }
`,
};

const patch = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
    - route:
        - destination: { host: reviews, subset: v3 }
`;

describe('kustomizations', () => {
  it("follows an overlay's resources outside its directory and applies its namespace to them and its patches", async () => {
    const dir = await tree({
      ...base,
      'overlays/prod/kustomization.yaml':
        'namespace: shop\nresources:\n  - ../../base\npatches:\n  - path: patches/reviews-v3.yaml\n',
      'overlays/prod/patches/reviews-v3.yaml': patch,
    });
    const input = await loadLintInput(['overlays/prod'], { cwd: dir });
    expect(input.problems).toEqual([]);
    const byFile = Object.fromEntries(input.documents.map((d) => [d.file, d.namespace]));
    expect(byFile).toMatchObject({
      'base/destination-rule.yaml': 'shop',
      'base/virtual-service.yaml': 'shop',
      'overlays/prod/patches/reviews-v3.yaml': 'shop',
    });
    const missing = lint(input.documents).filter((f) => f.code === 'IST0101');
    expect(missing.map((f) => f.file)).toEqual(['overlays/prod/patches/reviews-v3.yaml']);
    expect(missing[0]?.resource).toContain('shop');
    expect(missing[0]?.message).toContain('v3');
  });

  it('without the overlay the base alone is clean: the finding comes from the patch', async () => {
    const dir = await tree(base);
    const input = await loadLintInput(['base'], { cwd: dir });
    expect(lint(input.documents).filter((f) => f.code === 'IST0101')).toEqual([]);
  });

  it('a resource that does not exist, a remote base and a cycle are kustomize problems', async () => {
    const dir = await tree({
      'a/kustomization.yaml': 'resources:\n  - gone.yaml\n  - https://github.com/x/y//base\n  - ../b\n',
      'b/kustomization.yaml': 'resources:\n  - ../a\n',
    });
    const input = await loadLintInput(['a'], { cwd: dir });
    expect(input.problems.map((p) => [p.file, p.code, p.message])).toEqual([
      [
        'a/kustomization.yaml',
        'MESH_LINT_KUSTOMIZE_FAILED',
        expect.stringContaining('gone.yaml does not exist'),
      ],
      ['a/kustomization.yaml', 'MESH_LINT_KUSTOMIZE_FAILED', expect.stringContaining('is not fetched')],
      ['b/kustomization.yaml', 'MESH_LINT_KUSTOMIZE_FAILED', expect.stringContaining('cycle')],
    ]);
  });
});
