import type { KubeObject } from './kube-object.js';

/** API group of an object (`""` for the core group), from its apiVersion. */
export function apiGroup(object: Pick<KubeObject, 'apiVersion'>): string {
  const slash = object.apiVersion.indexOf('/');
  return slash === -1 ? '' : object.apiVersion.slice(0, slash);
}

/**
 * The identity istioctl prints for a resource: `Kind namespace/name`, or `Kind name` when the object is
 * cluster-scoped (no namespace), e.g. `DestinationRule bookinfo/reviews`, `Namespace istio-system`.
 */
export function resourceId(object: KubeObject): string {
  const { name, namespace } = object.metadata;
  return namespace === undefined ? `${object.kind} ${name}` : `${object.kind} ${namespace}/${name}`;
}

/** A key that is unique per object across API groups: `group/Kind namespace/name`. */
export function resourceKey(object: KubeObject): string {
  return `${apiGroup(object)}/${resourceId(object)}`;
}

/**
 * Apply order: namespaces and other prerequisites first, then everything else by kind, namespace and name.
 * Deterministic: it never depends on the order objects were built in.
 */
const KIND_ORDER: readonly string[] = [
  'Namespace',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'Service',
  'IstioOperator',
  'PeerAuthentication',
  'Gateway',
  'DestinationRule',
  'VirtualService',
  'AuthorizationPolicy',
  'PrometheusRule',
  'ApplicationSet',
];

function kindRank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind);
  return index === -1 ? KIND_ORDER.length : index;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Total order over objects: kind rank, kind, namespace, name, apiVersion (byte-wise, locale-independent). */
export function compareObjects(a: KubeObject, b: KubeObject): number {
  return (
    kindRank(a.kind) - kindRank(b.kind) ||
    compareText(a.kind, b.kind) ||
    compareText(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
    compareText(a.metadata.name, b.metadata.name) ||
    compareText(a.apiVersion, b.apiVersion)
  );
}

/** A sorted copy; the input is left untouched. */
export function sortObjects<T extends KubeObject>(objects: readonly T[]): T[] {
  return [...objects].sort(compareObjects);
}
