import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { MeshConfigError } from '../errors.js';
import { parseManifests } from '../parse.js';
import { isJson } from './resource.js';

/** Which file: a MeshConfig (`istioctl analyze --meshConfigFile`) or a MeshNetworks. */
export type MeshFileKind = 'meshConfig' | 'meshNetworks';

const configMapKey: Readonly<Record<MeshFileKind, string>> = {
  meshConfig: 'mesh',
  meshNetworks: 'meshNetworks',
};

/**
 * Reads a MeshConfig or MeshNetworks file for `lint()`: the YAML istioctl takes (a MeshConfig such as
 * `defaultConfig: …`, a MeshNetworks such as `networks: …`), or the `istio` ConfigMap that carries it under
 * `data.mesh` / `data.meshNetworks`. Throws MESH_LINT_MESH_FILE_INVALID with file:line otherwise.
 */
export async function readMeshFile(path: string, kind: MeshFileKind): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw invalid(
      `${path}: cannot read the ${kind} file (${(cause as NodeJS.ErrnoException).code ?? 'error'})`,
      cause,
    );
  }
  const { documents, errors } = parseManifests(text, path);
  const [error] = errors;
  if (error) throw invalid(`${error.file}:${error.line}:${error.column}: ${error.message}`);
  const [doc, extra] = documents;
  if (!doc || extra || !isJson(doc.value))
    throw invalid(`${path}: a ${kind} file holds one YAML mapping (got ${documents.length} documents)`);
  const value = doc.value;
  if (value['kind'] !== 'ConfigMap') return value;
  const data = isJson(value['data']) ? value['data'] : {};
  const embedded = data[configMapKey[kind]];
  if (typeof embedded !== 'string')
    throw invalid(`${path}: ConfigMap has no data.${configMapKey[kind]} for the ${kind}`);
  try {
    const inner: unknown = parse(embedded);
    if (isJson(inner)) return inner;
  } catch {
    // reported below
  }
  throw invalid(
    `${path}:${doc.locate(['data', configMapKey[kind]]).line}: data.${configMapKey[kind]} is not a YAML mapping`,
  );
}

function invalid(message: string, cause?: unknown): MeshConfigError {
  return new MeshConfigError(
    'MESH_LINT_MESH_FILE_INVALID',
    message,
    cause === undefined ? undefined : { cause },
  );
}
