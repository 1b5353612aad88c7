import { run, type CelInput } from '@bufbuild/cel';
import { crdSchemas } from './lint/crd-reference.js';

/**
 * The CRDs' CEL rules (`x-kubernetes-validations`), evaluated the way the API server does on create:
 * `self` is the value at the schema node. @kubernetes-models validate() and ajv skip them, so without this a
 * rendered `timeout: 0s` (rule `duration(self) >= duration('1ms')`) would pass every other check.
 */
type Schema = {
  readonly properties?: Record<string, Schema>;
  readonly additionalProperties?: Schema | boolean;
  readonly items?: Schema;
  readonly 'x-kubernetes-validations'?: readonly { readonly rule: string; readonly message?: string }[];
};

let schemas: Map<string, Schema> | undefined;

/** The CRD schemas crd-reference.ts reads from crd-all.gen.yaml, seen through the fields CEL evaluation needs. */
function loadSchemas(): Map<string, Schema> {
  return crdSchemas() as Map<string, Schema>;
}

/** JSON → CEL input: objects become maps, whole numbers ints (as the API server types them). */
function toCel(value: unknown): CelInput {
  if (Array.isArray(value)) return value.map(toCel);
  if (typeof value === 'object' && value !== null)
    return new Map(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value as CelInput;
}

function walk(schema: Schema, value: unknown, path: string, out: string[]): void {
  for (const { rule, message } of schema['x-kubernetes-validations'] ?? []) {
    let result: unknown;
    try {
      result = run(rule, { self: toCel(value) });
    } catch (error) {
      result = error;
    }
    if (result !== true) out.push(`${path || '<root>'}: ${message ?? rule}`);
  }
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => walk(schema.items as Schema, item, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const sub =
        schema.properties?.[key] ??
        (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (sub) walk(sub, child, `${path}.${key}`, out);
    }
  }
}

/** CEL rule violations of one Istio object; undefined when the CRDs do not define its kind. */
export function celViolations(object: { apiVersion: string; kind: string }): string[] | undefined {
  schemas ??= loadSchemas();
  const schema = schemas.get(`${object.apiVersion}/${object.kind}`);
  if (!schema) return undefined;
  const out: string[] = [];
  walk(schema, object, '', out);
  return out;
}
