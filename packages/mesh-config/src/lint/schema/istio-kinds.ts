import * as istio from '@kubernetes-models/istio';

/** `validate()` of a `@kubernetes-models` model class: runs the ajv validator compiled from the CRD schema. */
interface ModelClass {
  readonly prototype: { validate(this: unknown): void };
}

const groups: Record<string, Record<string, Record<string, unknown>>> = {
  'networking.istio.io': istio.networkingIstioIo,
  'security.istio.io': istio.securityIstioIo,
  'telemetry.istio.io': istio.telemetryIstioIo,
  'extensions.istio.io': istio.extensionsIstioIo,
  'install.istio.io': istio.installIstioIo,
};

function isModelClass(value: unknown): value is ModelClass {
  return (
    typeof value === 'function' &&
    typeof (value as { prototype?: { validate?: unknown } }).prototype?.validate === 'function'
  );
}

/** The model class whose compiled CRD validator checks `apiVersion`/`kind`, or undefined for kinds Istio does not define. */
export function istioModel(apiVersion: string, kind: string): ModelClass | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  const versions = groups[apiVersion.slice(0, slash)];
  const candidate = versions?.[apiVersion.slice(slash + 1)]?.[kind];
  return isModelClass(candidate) ? candidate : undefined;
}

/** True when `apiVersion` belongs to one of Istio's API groups. */
export function isIstioGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  return slash > 0 && apiVersion.slice(0, slash) in groups;
}
