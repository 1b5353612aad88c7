import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse.js';
import { lint } from './lint.js';
import { readMeshFile } from './mesh-file.js';

const corpus = fileURLToPath(new URL('../../../../../shared/conformance/istio-analyzers/', import.meta.url));

interface GridCase {
  readonly name: string;
  readonly inputFiles: readonly string[];
  readonly meshConfigFile: string | null;
  readonly meshNetworksFile: string | null;
  readonly analyzer: string;
  readonly expected: readonly { code: string; origin: string }[];
}

const gridCases = (
  JSON.parse(readFileSync(`${corpus}cases.json`, 'utf8')) as { cases: GridCase[] }
).cases.filter(
  (c) =>
    (c.meshConfigFile !== null || c.meshNetworksFile !== null) &&
    /^(serviceentry|multicluster)\./.test(c.analyzer),
);

async function write(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'okemesh-mesh-file-')), 'mesh.yaml');
  await writeFile(path, text);
  return path;
}

describe('readMeshFile', () => {
  it('covers the grid cases that need a mesh config or mesh networks file', () => {
    expect(gridCases.map((c) => c.name).sort()).toEqual([
      'ServiceEntry Addresses Allocated',
      'missing Addresses and Protocol in Service Entry with ISTIO_META_DNS_AUTO_ALLOCATE enabled',
      'unknown service registry in mesh networks',
    ]);
  });

  it.each(gridCases.map((c) => [c.name, c] as const))('grid case %s passes from its files', async (_n, c) => {
    const documents = c.inputFiles.flatMap(
      (f) => parseManifests(readFileSync(corpus + f, 'utf8'), f).documents,
    );
    const findings = lint(documents, {
      only: [c.analyzer],
      ...(c.meshConfigFile
        ? { meshConfig: await readMeshFile(corpus + c.meshConfigFile, 'meshConfig') }
        : {}),
      ...(c.meshNetworksFile
        ? {
            meshNetworks: await readMeshFile(corpus + c.meshNetworksFile, 'meshNetworks'),
            meshNetworksFile: c.meshNetworksFile,
          }
        : {}),
    });
    expect(findings.map((f) => `${f.code} ${f.resource}`).sort()).toEqual(
      c.expected.map((e) => `${e.code} ${e.origin}`).sort(),
    );
  });

  it('reads the istio ConfigMap form too', async () => {
    const path = await write(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: istio, namespace: istio-system }\ndata:\n  mesh: |\n    trustDomain: oke.local\n',
    );
    expect(await readMeshFile(path, 'meshConfig')).toEqual({ trustDomain: 'oke.local' });
    await expect(readMeshFile(path, 'meshNetworks')).rejects.toMatchObject({
      code: 'MESH_LINT_MESH_FILE_INVALID',
      message: `${path}: ConfigMap has no data.meshNetworks for the meshNetworks`,
    });
  });

  it('fails with file:line on bad YAML, and names the file when it is missing', async () => {
    const bad = await write('networks:\n  a: [\n');
    await expect(readMeshFile(bad, 'meshNetworks')).rejects.toMatchObject({
      name: 'MeshConfigError',
      code: 'MESH_LINT_MESH_FILE_INVALID',
      message: expect.stringMatching(new RegExp(`^${bad}:3:1: `)) as unknown,
    });
    await expect(readMeshFile(`${bad}.missing`, 'meshConfig')).rejects.toMatchObject({
      code: 'MESH_LINT_MESH_FILE_INVALID',
      message: `${bad}.missing: cannot read the meshConfig file (ENOENT)`,
    });
    await expect(readMeshFile(await write('- a\n- b\n'), 'meshConfig')).rejects.toMatchObject({
      code: 'MESH_LINT_MESH_FILE_INVALID',
    });
  });
});
