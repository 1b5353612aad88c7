import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { createMeshLintAction, createMeshRenderAction } from '../src/index.js';
import { templateParameters } from './inputs.js';

const run = promisify(execFile);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const templateDir = join(repo, 'templates', 'new-failover-app');
const cli = join(repo, 'packages', 'cli', 'bin', 'okemesh.js');
const cliBuilt = existsSync(join(repo, 'packages', 'cli', 'dist', 'index.js'));

interface Step {
  id: string;
  action: string;
  input: Record<string, unknown>;
}

/** `${{ parameters.x }}` inputs of a step resolved against the parameters (the scaffolder does this). */
function resolveInput(value: unknown, parameters: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{\{\s*parameters\.(\w+)\s*\}\}$/.exec(value);
    return whole ? parameters[whole[1]!] : value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveInput(v, parameters));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveInput(v, parameters)]));
  }
  return value;
}

async function okemesh(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('templates/new-failover-app', () => {
  let template: {
    apiVersion: string;
    kind: string;
    spec: { steps: Step[]; parameters: { properties: Record<string, unknown> }[] };
  };
  let ws: string;

  beforeAll(async () => {
    if (!cliBuilt) throw new Error('build the CLI first: npx nx run @okemesh/cli:build (npm test builds it)');
    template = parse(await readFile(join(templateDir, 'template.yaml'), 'utf8'));
    ws = await mkdtemp(join(tmpdir(), 'okemesh-new-failover-app-'));
    // The real fetch:template action (nunjucks with ${{ }} tags), with the template's own step input.
    const fetchStep = template.spec.steps.find((s) => s.action === 'fetch:template')!;
    const fetchTemplate = createFetchTemplateAction({
      reader: mockServices.urlReader.mock(),
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    });
    const ctx = createMockActionContext({
      input: resolveInput(fetchStep.input, templateParameters) as never,
      workspacePath: ws,
      templateInfo: {
        entityRef: 'template:default/new-failover-app',
        baseUrl: pathToFileURL(join(templateDir, 'template.yaml')).href,
      },
    });
    await fetchTemplate.handler(ctx as never);
  });
  afterAll(async () => {
    if (ws) await rm(ws, { recursive: true, force: true });
  });

  it('is a v1beta3 template whose steps use only built-in and okemesh actions, with every parameter declared', () => {
    expect([template.apiVersion, template.kind]).toEqual(['scaffolder.backstage.io/v1beta3', 'Template']);
    expect(template.spec.steps.map((s) => s.action)).toEqual([
      'fetch:template',
      'okemesh:mesh:render',
      'okemesh:mesh:lint',
      'publish:github',
      'catalog:register',
    ]);
    const declared = new Set(template.spec.parameters.flatMap((p) => Object.keys(p.properties)));
    const used = [...JSON.stringify(template.spec.steps).matchAll(/parameters\.(\w+)/g)].map((m) => m[1]);
    expect(used.filter((p) => !declared.has(p!))).toEqual([]);
  });

  it('renders a skeleton whose mesh.yaml passes okemesh validate (exit 0)', async () => {
    const result = await okemesh(['validate', '-f', 'mesh.yaml'], ws);
    expect(result, result.stderr).toMatchObject({ code: 0 });
  });

  it('renders a bundle that okemesh lint passes together with the app manifests (exit 0)', async () => {
    const rendered = await okemesh(['render', '-f', 'mesh.yaml', '-o', 'okemesh-out'], ws);
    expect(rendered.code, rendered.stderr).toBe(0);
    const linted = await okemesh(['lint', 'okemesh-out', 'k8s', '--topology', 'mesh.yaml'], ws);
    expect(linted, linted.stdout + linted.stderr).toMatchObject({ code: 0 });
  });

  it('writes the catalog entity with the okemesh.io/topology annotation and the owner', async () => {
    const entity = parse(await readFile(join(ws, 'catalog-info.yaml'), 'utf8'));
    expect(entity.metadata).toMatchObject({
      name: 'shop',
      annotations: { 'okemesh.io/topology': './mesh.yaml' },
    });
    expect(entity.spec.owner).toBe('group:default/team-a');
    const objects = parseAllDocuments(await readFile(join(ws, 'k8s', 'app.yaml'), 'utf8')).map((d) =>
      d.toJS(),
    );
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/shop',
      'Deployment/web',
      'Service/web',
      'Deployment/cart',
      'Service/cart',
    ]);
  });

  it('ships a CI workflow that runs okemesh validate, render and lint', async () => {
    const workflow = parse(await readFile(join(ws, '.github', 'workflows', 'okemesh.yaml'), 'utf8'));
    const commands = workflow.jobs.mesh.steps.flatMap((s: { run?: string }) => (s.run ? [s.run] : []));
    expect(commands).toEqual([
      'npm install --global @okemesh/cli',
      'okemesh validate -f mesh.yaml',
      'okemesh render -f mesh.yaml -o okemesh-out',
      'okemesh lint okemesh-out k8s --topology mesh.yaml',
    ]);
  });

  it("runs the template's own okemesh:mesh:render and okemesh:mesh:lint steps on the skeleton", async () => {
    for (const step of template.spec.steps.filter((s) => s.action.startsWith('okemesh:'))) {
      const action =
        step.action === 'okemesh:mesh:render' ? createMeshRenderAction() : createMeshLintAction();
      const ctx = createMockActionContext({ input: step.input as never, workspacePath: ws });
      await action.handler(ctx as never);
    }
  });
});
