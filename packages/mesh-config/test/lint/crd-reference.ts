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
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, strictify(v)]))
        : strictify(value);
  }
  const s = schema as Schema;
  if (
    s['type'] === 'object' &&
    s['properties'] &&
    s['additionalProperties'] === undefined &&
    !s['x-kubernetes-preserve-unknown-fields']
  ) {
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
    ...[
      'name',
      'namespace',
      'generateName',
      'uid',
      'resourceVersion',
      'selfLink',
      'creationTimestamp',
      'deletionTimestamp',
    ].map((k) => [k, { type: 'string' }]),
    ...['generation', 'deletionGracePeriodSeconds'].map((k) => [k, { type: 'integer' }]),
    ['labels', stringMap],
    ['annotations', stringMap],
    ['finalizers', { type: 'array', items: { type: 'string' } }],
    ['ownerReferences', { type: 'array' }],
    ['managedFields', { type: 'array' }],
  ]),
};

export const asSchema = (value: unknown): Schema =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : {};

/** Istio 1.30.3's openAPIV3Schema per `group/version/kind`, from crd-all.gen.yaml. */
export function crdSchemas(): Map<string, Schema> {
  const text = readFileSync(`${conformanceDir}istio-crds/crd-all.gen.yaml`, 'utf8');
  const out = new Map<string, Schema>();
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS() as {
      spec?: {
        group: string;
        names: { kind: string };
        versions: { name: string; schema: { openAPIV3Schema: Schema } }[];
      };
    } | null;
    if (!crd?.spec) continue;
    for (const version of crd.spec.versions)
      out.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, version.schema.openAPIV3Schema);
  }
  return out;
}

/** Validators compiled from Istio 1.30.3's crd-all.gen.yaml, keyed by `group/version/kind`. */
export function loadCrdValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators = new Map<string, ValidateFunction>();
  for (const [key, schema] of crdSchemas()) {
    const root = strictify(schema) as Schema;
    const properties = {
      ...(root['properties'] as Schema),
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: objectMeta,
    };
    validators.set(key, ajv.compile({ ...root, properties, additionalProperties: false }));
  }
  return validators;
}

/** A value that sets every property a schema declares (one item per array, one key per map). */
export function sampleOf(schema: Schema, depth = 0): unknown {
  if (depth > 16) return undefined;
  const properties = schema['properties'];
  if (properties && typeof properties === 'object') {
    return Object.fromEntries(
      Object.entries(properties as Record<string, Schema>)
        .map(([k, v]) => [k, sampleOf(v, depth + 1)] as const)
        .filter(([, v]) => v !== undefined),
    );
  }
  if (schema['x-kubernetes-preserve-unknown-fields']) return {};
  const additional = schema['additionalProperties'];
  if (additional && typeof additional === 'object') return { key: sampleOf(additional as Schema, depth + 1) };
  if (schema['type'] === 'array') return [sampleOf(asSchema(schema['items']), depth + 1)];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  if (schema['type'] === 'integer' || schema['type'] === 'number') return 1;
  if (schema['type'] === 'boolean') return true;
  if (schema['type'] === 'object') return {};
  return 'x';
}
