import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

/** ../shared/conformance, the outside truth (read in place, never copied). */
export const conformanceDir = fileURLToPath(new URL('../../../../../shared/conformance/', import.meta.url));

type Schema = Record<string, unknown>;

/** Structural-schema semantics of the API server with strict field validation: undeclared fields are rejected. */
function strictify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-') || key === 'format') continue;
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, strictify(v)])) : strictify(value);
  }
  const s = schema as Schema;
  if (s['type'] === 'object' && s['properties'] && s['additionalProperties'] === undefined && !s['x-kubernetes-preserve-unknown-fields']) {
    out['additionalProperties'] = false;
  }
  return out;
}

const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
/** ObjectMeta as the API server checks it (the CRD only says `type: object`). */
const objectMeta = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries([
    ...['name', 'namespace', 'generateName', 'uid', 'resourceVersion', 'selfLink', 'creationTimestamp', 'deletionTimestamp'].map((k) => [k, { type: 'string' }]),
    ...['generation', 'deletionGracePeriodSeconds'].map((k) => [k, { type: 'integer' }]),
    ['labels', stringMap],
    ['annotations', stringMap],
    ['finalizers', { type: 'array', items: { type: 'string' } }],
    ['ownerReferences', { type: 'array' }],
    ['managedFields', { type: 'array' }],
  ]),
};

/** Validators compiled from Istio 1.30.3's crd-all.gen.yaml, keyed by `apiVersion/kind`. */
export function loadCrdValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const text = readFileSync(`${conformanceDir}istio-crds/crd-all.gen.yaml`, 'utf8');
  const validators = new Map<string, ValidateFunction>();
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS() as {
      spec?: { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: Schema } }[] };
    } | null;
    if (!crd?.spec) continue;
    for (const version of crd.spec.versions) {
      const root = strictify(version.schema.openAPIV3Schema) as Schema;
      const properties = { ...(root['properties'] as Schema), apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: objectMeta };
      validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile({ ...root, properties, additionalProperties: false }));
    }
  }
  return validators;
}
