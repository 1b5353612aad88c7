import { isIstioGroup, istioModel } from './istio-kinds.js';
import { trackReads, type ReadLog } from './read-tracker.js';
import { pointerToField, type SchemaViolation, type SchemaViolationKind } from './schema-violation.js';

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function violation(kind: SchemaViolationKind, pointer: string, message: string): SchemaViolation {
  return { kind, pointer, field: pointerToField(pointer), message };
}

const keywordKinds: Record<string, SchemaViolationKind> = {
  type: 'type',
  enum: 'enum',
  required: 'required',
  oneOf: 'one-of',
  anyOf: 'one-of',
  format: 'format',
  pattern: 'format',
  minimum: 'range',
  maximum: 'range',
  exclusiveMinimum: 'range',
  exclusiveMaximum: 'range',
  minLength: 'range',
  maxLength: 'range',
  minItems: 'range',
  maxItems: 'range',
};

function describe(error: AjvError, document: unknown): string {
  const at = pointerToField(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return `${at}: missing required field "${String(error.params['missingProperty'])}"`;
    case 'enum':
      return `${at}: ${JSON.stringify(valueAt(document, error.instancePath))} is not one of ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
    case 'type':
      return `${at}: must be ${String(error.params['type'])}`;
    case 'oneOf':
    case 'anyOf': {
      const here = valueAt(document, error.instancePath);
      const keys = isRecord(here) ? Object.keys(here).join(', ') : '';
      return `${at}: sets mutually exclusive fields together (only one of a oneOf group may be set; has ${keys || 'none'})`;
    }
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}

function valueAt(document: unknown, pointer: string): unknown {
  let current = document;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isRecord(current)) current = current[token];
    else return undefined;
  }
  return current;
}

/** Errors ajv emits for the branches of a failed oneOf/anyOf repeat that failure; keep the summary only. */
function withoutBranchNoise(errors: readonly AjvError[]): AjvError[] {
  const combined = new Set(
    errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath),
  );
  return errors.filter(
    (e) => !(combined.has(e.instancePath) && (e.keyword === 'not' || e.keyword === 'required')),
  );
}

/**
 * Istio 1.30 additions missing from the bundled 1.29.2 schemas (a test derives them from 1.30.3's
 * crd-all.gen.yaml): accepted without type checks rather than reported as unknown.
 */
const addedIn130: Readonly<Record<string, readonly RegExp[]>> = {
  AuthorizationPolicy: [/^\/spec\/rules\/\d+\/from\/\d+\/source\/(notTrustDomains|trustDomains)$/],
  Telemetry: [/^\/spec\/tracing\/\d+\/disableContextPropagation$/],
};
const kindsAddedIn130 = new Set(['extensions.istio.io/v1alpha1/TrafficExtension']);

function unknownFields(
  value: unknown,
  pointer: string,
  log: ReadLog,
  out: SchemaViolation[],
  added: readonly RegExp[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => unknownFields(item, `${pointer}/${index}`, log, out, added));
    return;
  }
  if (!isRecord(value)) return;
  const read = log.reads.get(pointer);
  // Not visited (inside a free-form or invalid parent) or x-kubernetes-preserve-unknown-fields: nothing to check.
  if (!read || read.size === 0) return;
  // A map (additionalProperties): every key is allowed, its values still have a schema.
  const isMap = read.has('*');
  for (const [key, child] of Object.entries(value)) {
    // status is server-owned and x-kubernetes-preserve-unknown-fields in every Istio CRD.
    if (pointer === '' && key === 'status') continue;
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (isMap || read.has(key)) unknownFields(child, childPointer, log, out, added);
    else if (!added.some((re) => re.test(childPointer)))
      out.push(
        violation('unknown-field', childPointer, `${pointerToField(childPointer)}: unknown field "${key}"`),
      );
  }
}

/**
 * Validates one Istio resource the way the API server does with strict field validation
 * (`kubectl apply --validate=strict`): types, enums, required fields and oneOf groups from the CRD's
 * openAPIV3Schema, plus every field the schema does not declare. Non-Istio documents return no violations.
 */
export function validateIstioStrict(document: unknown): SchemaViolation[] {
  if (!isRecord(document)) return [violation('type', '', 'document: must be an object')];
  const { apiVersion, kind } = document;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !isIstioGroup(apiVersion)) return [];
  const model = istioModel(apiVersion, kind);
  // A 1.30 kind without a bundled schema: nothing to check it against.
  if (!model && kindsAddedIn130.has(`${apiVersion}/${kind}`)) return [];
  if (!model) return [violation('unknown-kind', '/kind', `${apiVersion} has no kind ${kind}`)];
  const { tracked, log } = trackReads(document);
  const out: SchemaViolation[] = [];
  try {
    model.prototype.validate.call(tracked);
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    if (!Array.isArray(errors)) throw error;
    for (const e of withoutBranchNoise(errors as AjvError[])) {
      out.push(violation(keywordKinds[e.keyword] ?? 'other', e.instancePath, describe(e, document)));
    }
  }
  unknownFields(document, '', log, out, addedIn130[kind] ?? []);
  return out.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
