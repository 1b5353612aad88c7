import * as istio from '@kubernetes-models/istio';
import type { ValidateFunction } from 'ajv';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { KubeObject } from '../src/index.js';
import { validateIstioStrict } from '../src/index.js';
import { celViolations } from './cel-rules.js';
import { loadCrdValidators } from './lint/crd-reference.js';

/**
 * Test-only checks every rendered object must pass:
 * - Istio kinds: @kubernetes-models/istio validate(), the library's strict validator, and an independent
 *   strict check compiled from ../shared/conformance/istio-crds/crd-all.gen.yaml (unknown fields rejected),
 *   and the same CRDs' CEL rules (x-kubernetes-validations);
 * - core kinds: kubernetes-models validate() against the Kubernetes OpenAPI schemas.
 */
type Model = new (data: never) => { validate(): void };

const CORE: Readonly<Record<string, Model>> = {
  'v1/Namespace': Namespace as unknown as Model,
  'v1/Secret': Secret as unknown as Model,
  'v1/ConfigMap': ConfigMap as unknown as Model,
  'v1/ServiceAccount': ServiceAccount as unknown as Model,
};

const ISTIO_GROUPS: Readonly<Record<string, Record<string, Record<string, unknown>>>> = {
  'networking.istio.io': istio.networkingIstioIo,
  'security.istio.io': istio.securityIstioIo,
};

let crdValidators: Map<string, ValidateFunction> | undefined;

function istioModel(object: KubeObject): Model | undefined {
  const [group = '', version = ''] = object.apiVersion.split('/');
  return ISTIO_GROUPS[group]?.[version]?.[object.kind] as Model | undefined;
}

/** Problems of one object; an empty list means every applicable check passed. */
export function objectProblems(object: KubeObject): string[] {
  const problems: string[] = [];
  const plain = JSON.parse(JSON.stringify(object)) as never;
  const core = CORE[`${object.apiVersion}/${object.kind}`];
  const model = istioModel(object);
  if (core) {
    try {
      new core(plain).validate();
    } catch (error) {
      problems.push(`kubernetes-models: ${(error as Error).message}`);
    }
  }
  if (model) {
    try {
      new model(plain).validate();
    } catch (error) {
      problems.push(`@kubernetes-models/istio: ${(error as Error).message}`);
    }
    problems.push(...validateIstioStrict(plain).map((v) => `strict: ${v.message}`));
    crdValidators ??= loadCrdValidators();
    const crd = crdValidators.get(`${object.apiVersion}/${object.kind}`);
    if (!crd) problems.push(`crd-all.gen.yaml has no schema for ${object.apiVersion} ${object.kind}`);
    else if (!crd(plain))
      problems.push(...(crd.errors ?? []).map((e) => `crd: ${e.instancePath} ${e.message ?? ''}`));
    problems.push(...(celViolations(plain) ?? []).map((v) => `cel: ${v}`));
  }
  return problems;
}

/** True when the object is one the Istio or Kubernetes schemas cover (so the checks above really ran). */
export function isSchemaChecked(object: KubeObject): boolean {
  return CORE[`${object.apiVersion}/${object.kind}`] !== undefined || istioModel(object) !== undefined;
}
