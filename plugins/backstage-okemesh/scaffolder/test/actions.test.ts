import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parseTopology } from '@okemesh/topology';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import okemeshModule, {
  createMeshLintAction,
  createMeshRenderAction,
  createTopologyCreateAction,
} from '../src/index.js';
import { topologyInput } from './inputs.js';

const workspaces: string[] = [];
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'okemesh-scaffolder-'));
  workspaces.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of workspaces.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** createMockActionContext drops isDryRun from its options: spread it in (see the recipe). */
function context<I extends object>(input: I, workspacePath: string, isDryRun = false) {
  const base = createMockActionContext({ input, workspacePath });
  const checkpoint = vi.fn(base.checkpoint);
  return { ...base, isDryRun, checkpoint };
}

const outputs = (ctx: { output: unknown }) =>
  Object.fromEntries((ctx.output as ReturnType<typeof vi.fn>).mock.calls.map(([k, v]) => [k, v]));

describe('okemesh:topology:create', () => {
  it.each([false, true])('writes a mesh.yaml that parseTopology accepts (dry run: %s)', async (isDryRun) => {
    const ws = await workspace();
    const action = createTopologyCreateAction();
    const ctx = context(topologyInput, ws, isDryRun);
    await action.handler(ctx as never);
    const text = await readFile(join(ws, 'mesh.yaml'), 'utf8');
    const { topology } = parseTopology(text);
    expect(topology.spec.clusters.map((c) => [c.name, c.role, c.network])).toEqual([
      ['sjc', 'primary', 'network1'],
      ['ord', 'secondary', 'network2'],
    ]);
    expect(topology.spec.services.find((s) => s.name === 'cart')?.failover).toEqual({
      mode: 'active-active',
      weights: { 'us-sanjose-1': 50, 'us-chicago-1': 50 },
    });
    expect(outputs(ctx)).toEqual({
      path: 'mesh.yaml',
      meshId: 'shop-mesh',
      clusters: ['sjc', 'ord'],
      regions: ['us-sanjose-1', 'us-chicago-1'],
    });
    expect(ctx.checkpoint).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'okemesh.topology.create:mesh.yaml' }),
    );
  });

  it('refuses a topology okemesh validate would reject, writing nothing', async () => {
    const ws = await workspace();
    const overlapping = {
      ...topologyInput,
      clusters: [topologyInput.clusters[0], { ...topologyInput.clusters[1], vcnCidr: '10.0.0.0/16' }],
    };
    await expect(
      createTopologyCreateAction().handler(context(overlapping, ws) as never),
    ).rejects.toMatchObject({
      code: 'OKEMESH_TOPOLOGY_INVALID',
    });
    expect(await readdir(ws)).toEqual([]);
  });

  it('keeps the path inside the workspace', async () => {
    const ws = await workspace();
    await expect(
      createTopologyCreateAction().handler(
        context({ ...topologyInput, targetPath: '../escape.yaml' }, ws) as never,
      ),
    ).rejects.toThrow(/outside/i);
  });
});

describe('okemesh:mesh:render and okemesh:mesh:lint', () => {
  it.each([false, true])(
    'render a bundle that lints clean against its topology (dry run: %s)',
    async (isDryRun) => {
      const ws = await workspace();
      await createTopologyCreateAction().handler(context(topologyInput, ws, isDryRun) as never);
      const render = context({ topologyPath: 'mesh.yaml', outputDir: 'okemesh-out' }, ws, isDryRun);
      await createMeshRenderAction().handler(render as never);
      const rendered = outputs(render);
      expect(rendered).toMatchObject({ outputDir: 'okemesh-out', clusters: ['sjc', 'ord'] });
      expect(rendered['files']).toBeGreaterThan(10);
      expect((await readdir(join(ws, 'okemesh-out'))).sort()).toEqual([
        'README.md',
        'RUNBOOK.md',
        'clusters',
        'global',
      ]);
      expect((await readdir(join(ws, 'okemesh-out', 'clusters'))).sort()).toEqual(['ord', 'sjc']);

      const lint = context(
        { paths: ['okemesh-out'], topologyPath: 'mesh.yaml', failOn: 'error' },
        ws,
        isDryRun,
      );
      await createMeshLintAction().handler(lint as never);
      expect(outputs(lint)).toMatchObject({ errors: 0 });
    },
  );

  it('lint fails the step with OKEMESH_LINT_FAILED on an Istio error, and OKEMESH_LINT_INPUT on nothing to lint', async () => {
    const ws = await workspace();
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(join(ws, 'bad'));
    await writeFile(
      join(ws, 'bad', 'vs.yaml'),
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: web, namespace: shop }\nspec:\n  hosts: [web]\n  http:\n    - route:\n        - destination: { host: nowhere.shop.svc.cluster.local }\n',
    );
    const lint = context({ paths: ['bad'], failOn: 'error' }, ws);
    await expect(createMeshLintAction().handler(lint as never)).rejects.toMatchObject({
      code: 'OKEMESH_LINT_FAILED',
    });
    expect(outputs(lint)['errors']).toBeGreaterThan(0);
    await mkdir(join(ws, 'empty'));
    await expect(
      createMeshLintAction().handler(context({ paths: ['empty'], failOn: 'error' }, ws) as never),
    ).rejects.toMatchObject({ code: 'OKEMESH_LINT_INPUT' });
  });
});

describe('scaffolder module', () => {
  it('registers the three actions with the scaffolder', async () => {
    const addActions = vi.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [okemeshModule, mockServices.rootConfig.factory()],
    });
    expect(addActions.mock.calls.flat().map((a: { id: string }) => a.id)).toEqual([
      'okemesh:topology:create',
      'okemesh:mesh:render',
      'okemesh:mesh:lint',
    ]);
    for (const action of addActions.mock.calls.flat()) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples.length).toBeGreaterThan(0);
    }
  });
});
