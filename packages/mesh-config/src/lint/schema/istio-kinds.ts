import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** `validate()` of a `@kubernetes-models` model class: runs the ajv validator compiled from the CRD schema. */
interface ModelClass {
  readonly prototype: { validate(this: unknown): void };
}

type Groups = Record<string, Record<string, Record<string, unknown>>>;

/** Istio's API groups, each the name of its `@kubernetes-models/istio` export. */
const groupExports: Readonly<Record<string, string>> = {
  'networking.istio.io': 'networkingIstioIo',
  'security.istio.io': 'securityIstioIo',
  'telemetry.istio.io': 'telemetryIstioIo',
  'extensions.istio.io': 'extensionsIstioIo',
  'install.istio.io': 'installIstioIo',
};

let loaded: Groups | undefined;

/**
 * The model classes, loaded on the first strict validation (~0.15 s of CRD validators that importing
 * @okemesh/mesh-config should not pay). The package is ESM-only with an import-only `exports` map, so its entry
 * file is found through its exported package.json and loaded with require(esm) (Node >= 22.12), keeping the
 * validator synchronous.
 */
function groups(): Groups {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('@kubernetes-models/istio/package.json'));
    const istio = require(join(root, 'index.js')) as Record<string, Groups[string]>;
    loaded = Object.fromEntries(
      Object.entries(groupExports).map(([group, name]) => [group, istio[name] ?? {}]),
    );
  }
  return loaded;
}

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
  const versions = groups()[apiVersion.slice(0, slash)];
  const candidate = versions?.[apiVersion.slice(slash + 1)]?.[kind];
  return isModelClass(candidate) ? candidate : undefined;
}

/** True when `apiVersion` belongs to one of Istio's API groups. */
export function isIstioGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  return slash > 0 && apiVersion.slice(0, slash) in groupExports;
}
