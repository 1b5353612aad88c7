import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parseTopology } from '@okemesh/topology';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMeshLintAction, createMeshRenderAction, createTopologyCreateAction } from '../src/index.js';
import { topologyInput } from './inputs.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

interface Step {
  action: string;
  input: Record<string, unknown>;
}

const fromParameters = (input: Record<string, unknown>, parameters: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(input).map(([k, v]) => {
      const m = typeof v === 'string' ? /^\$\{\{\s*parameters\.(\w+)\s*\}\}$/.exec(v) : null;
      return [k, m ? parameters[m[1]!] : v];
    }),
  );

describe('templates/new-mesh', () => {
  it("runs its okemesh steps in order on the template's own inputs: a valid mesh.yaml, rendered and lint-clean", async () => {
    const template = parse(await readFile(join(repo, 'templates', 'new-mesh', 'template.yaml'), 'utf8'));
    const steps = template.spec.steps as Step[];
    expect(steps.map((s) => s.action)).toEqual([
      'okemesh:topology:create',
      'okemesh:mesh:render',
      'okemesh:mesh:lint',
    ]);
    const parameters = {
      name: 'shop',
      compartment: topologyInput.compartment,
      clusters: topologyInput.clusters,
      slos: topologyInput.slos,
    };
    const actions = {
      'okemesh:topology:create': createTopologyCreateAction(),
      'okemesh:mesh:render': createMeshRenderAction(),
      'okemesh:mesh:lint': createMeshLintAction(),
    } as Record<string, { handler(ctx: never): Promise<void> }>;
    const ws = await mkdtemp(join(tmpdir(), 'okemesh-new-mesh-'));
    try {
      for (const step of steps) {
        // Defaults come from the action schemas, as the scaffolder applies them.
        const defaults =
          step.action === 'okemesh:topology:create'
            ? { services: [], targetPath: 'mesh.yaml' }
            : { failOn: 'error' };
        const ctx = createMockActionContext({
          input: { ...defaults, ...fromParameters(step.input, parameters) } as never,
          workspacePath: ws,
        });
        await actions[step.action]!.handler(ctx as never);
      }
      const { topology } = parseTopology(await readFile(join(ws, 'mesh.yaml'), 'utf8'));
      expect(topology.spec.mesh.id).toBe('shop-mesh');
    } finally {
      await rm(ws, { recursive: true, force: true });
    }
  });
});
