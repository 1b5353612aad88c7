import { FakeKubeError } from './errors.js';
import type { StatusCause } from './errors.js';
import { isRecord } from './object.js';
import type { KubeObject } from './object.js';
import type { ResourceType } from './resources.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

const ALWAYS = new Set(['apiVersion', 'kind', 'metadata']);
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function parseFieldValidation(value: string | undefined): FieldValidation {
  if (value === undefined || value === '' || value === 'Warn') return 'Warn';
  if (value === 'Strict' || value === 'Ignore') return value;
  throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', `fieldValidation parameter unsupported: ${value}`);
}

/** Top-level fields the modelled schema does not declare. Empty for unmodelled (custom) resources. */
export function unknownTopLevelFields(type: ResourceType, object: KubeObject): string[] {
  const known = type.topLevelFields;
  if (known === undefined) return [];
  return Object.keys(object).filter((key) => !ALWAYS.has(key) && !known.includes(key));
}

/**
 * Applies `fieldValidation`: Strict rejects unknown top-level fields (400, like the real decoder),
 * Warn returns `Warning` header texts, Ignore returns nothing.
 */
export function checkFields(type: ResourceType, object: KubeObject, mode: FieldValidation): string[] {
  if (mode === 'Ignore') return [];
  const unknown = unknownTopLevelFields(type, object);
  if (unknown.length === 0) return [];
  if (mode === 'Strict') {
    const list = unknown.map((f) => `unknown field "${f}"`).join(', ');
    throw new FakeKubeError(
      'FAKE_KUBE_BAD_REQUEST',
      `${type.kind} in version "${object.apiVersion ?? ''}" cannot be handled as a ${type.kind}: strict decoding error: ${list}`,
    );
  }
  return unknown.map((f) => `unknown field "${f}"`);
}

function invalid(type: ResourceType, name: string, causes: StatusCause[]): FakeKubeError {
  const text = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
  return new FakeKubeError('FAKE_KUBE_INVALID', `${type.kind} "${name}" is invalid: ${text}`, {
    name,
    ...(type.group === '' ? {} : { group: type.group }),
    kind: type.kind,
    causes,
  });
}

/** Checks what the real API server would reject as `Invalid` (422) for the modelled kinds. */
export function validateObject(type: ResourceType, object: KubeObject): void {
  const name = object.metadata?.name ?? '';
  const causes: StatusCause[] = [];
  const pattern = type.resource === 'namespaces' ? LABEL : SUBDOMAIN;
  if (name === '') {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  } else if (name.length > 253 || !pattern.test(name) || (pattern === LABEL && name.length > 63)) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": a lowercase RFC 1123 ${pattern === LABEL ? 'label' : 'subdomain'} must consist of lower case alphanumeric characters, '-' or '.'`,
      field: 'metadata.name',
    });
  }
  if (type.resource === 'secrets' || type.resource === 'configmaps') {
    const data = object['data'];
    if (data !== undefined && !isRecord(data)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'Invalid value: must be a map of strings',
        field: 'data',
      });
    } else if (type.resource === 'secrets' && isRecord(data)) {
      for (const [key, value] of Object.entries(data)) {
        if (typeof value !== 'string' || !BASE64.test(value) || value.length % 4 !== 0) {
          causes.push({
            reason: 'FieldValueInvalid',
            message: 'Invalid value: illegal base64 data',
            field: `data[${key}]`,
          });
        }
      }
    }
  }
  if (type.resource === 'deployments') {
    const spec = object['spec'];
    const replicas = isRecord(spec) ? spec['replicas'] : undefined;
    if (
      replicas !== undefined &&
      (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'Invalid value: must be greater than or equal to 0',
        field: 'spec.replicas',
      });
    }
  }
  if (type.resource === 'customresourcedefinitions') causes.push(...crdCauses(object, name));
  if (causes.length > 0) throw invalid(type, name, causes);
}

/** A CRD must be named `<plural>.<group>` and serve at least one version. */
function crdCauses(object: KubeObject, name: string): StatusCause[] {
  const spec = isRecord(object['spec']) ? object['spec'] : {};
  const names = isRecord(spec['names']) ? spec['names'] : {};
  const causes: StatusCause[] = [];
  if (
    typeof spec['group'] !== 'string' ||
    typeof names['plural'] !== 'string' ||
    typeof names['kind'] !== 'string'
  ) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: group, names.plural and names.kind',
      field: 'spec',
    });
  } else if (name !== `${names['plural']}.${spec['group']}`) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": must be spec.names.plural+"."+spec.group`,
      field: 'metadata.name',
    });
  }
  const versions = Array.isArray(spec['versions']) ? spec['versions'] : [];
  if (!versions.some((v) => isRecord(v) && typeof v['name'] === 'string' && v['served'] !== false)) {
    causes.push({
      reason: 'FieldValueInvalid',
      message:
        'Invalid value: must have exactly one version marked as storage version and at least one served',
      field: 'spec.versions',
    });
  }
  return causes;
}

/** Immutable Secrets/ConfigMaps reject changes to `data`, `binaryData` and `immutable` itself. */
export function checkImmutable(type: ResourceType, current: KubeObject, next: KubeObject): void {
  if ((type.resource !== 'secrets' && type.resource !== 'configmaps') || current['immutable'] !== true)
    return;
  const same = (key: string): boolean => JSON.stringify(current[key]) === JSON.stringify(next[key]);
  if (!same('data') || !same('binaryData') || next['immutable'] !== true) {
    throw invalid(type, current.metadata?.name ?? '', [
      {
        reason: 'FieldValueForbidden',
        message: 'Forbidden: field is immutable when `immutable` is set',
        field: 'data',
      },
    ]);
  }
}
