import type { ParsedDocument, SourcePosition } from '../parse.js';

export type Json = Record<string, unknown>;

/** One Kubernetes object under analysis, with where it came from. */
export interface LintResource {
  readonly apiVersion: string;
  /** API group (`''` for core). */
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** metadata.namespace as written (undefined when the input omits it). */
  readonly declaredNamespace: string | undefined;
  /** The namespace the resource lives in (`default` when omitted, as istioctl assumes; `''` for cluster-scoped kinds). */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly object: Json;
  /** `spec` (an empty object when absent or not an object). */
  readonly spec: Json;
  readonly file: string;
  readonly cluster: string | undefined;
  readonly locate: (path: readonly (string | number)[]) => SourcePosition;
}

export function isJson(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asJson(value: unknown): Json {
  return isJson(value) ? value : {};
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isJson(value))
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

const clusterScoped = new Set([
  'Namespace',
  'Node',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'PersistentVolume',
  'StorageClass',
  'GatewayClass',
]);

/** A document as an analyzable resource, or undefined when it is not a named Kubernetes object. */
export function toResource(
  doc: Pick<ParsedDocument, 'file' | 'value' | 'locate'>,
  cluster?: string,
  defaultNamespace?: string,
  /** A kustomization's `namespace:`: it replaces every namespaced object's namespace, as kustomize does. */
  namespaceOverride?: string,
): LintResource | undefined {
  const value = doc.value;
  if (!isJson(value)) return undefined;
  const { apiVersion, kind } = value;
  const metadata = asJson(value['metadata']);
  const name = metadata['name'];
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string' || !name)
    return undefined;
  const ns = metadata['namespace'];
  // `--namespace` acts like `kubectl apply -n` / `istioctl analyze -n`: it fills in a missing namespace.
  const declaredNamespace =
    namespaceOverride || (typeof ns === 'string' && ns ? ns : defaultNamespace || undefined);
  const slash = apiVersion.indexOf('/');
  return {
    apiVersion,
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    kind,
    name,
    declaredNamespace,
    namespace: clusterScoped.has(kind) ? '' : (declaredNamespace ?? 'default'),
    labels: stringMap(metadata['labels']),
    annotations: stringMap(metadata['annotations']),
    object: value,
    spec: asJson(value['spec']),
    file: doc.file,
    cluster,
    locate: doc.locate,
  };
}

/** `Kind namespace/name` (namespace omitted when the input omits it), as istioctl prints an origin. */
export function originOf(r: Pick<LintResource, 'kind' | 'name' | 'declaredNamespace'>): string {
  return r.declaredNamespace ? `${r.kind} ${r.declaredNamespace}/${r.name}` : `${r.kind} ${r.name}`;
}

/** Istio's FullName string: `namespace/name` (`name` for cluster-scoped resources). */
export function fullName(r: Pick<LintResource, 'namespace' | 'name'>): string {
  return r.namespace ? `${r.namespace}/${r.name}` : r.name;
}
