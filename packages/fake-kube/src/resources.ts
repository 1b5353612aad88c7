export type Subresource = 'status' | 'scale' | 'token' | 'eviction';

/** What the fake knows about one API resource (one row of discovery). */
export interface ResourceType {
  readonly group: string;
  /** Versions served; the first is the preferred (storage) version. All versions share one store. */
  readonly versions: readonly string[];
  /** Plural, lower-case: `secrets`. */
  readonly resource: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  /** Subresources served besides the object itself (`status`, `scale`, `token`). */
  readonly subresources: readonly Subresource[];
  /**
   * Top-level fields the schema declares (besides apiVersion/kind/metadata), used by
   * `fieldValidation=Strict`; `undefined` means the fake does not model the schema (any field passes).
   */
  readonly topLevelFields: readonly string[] | undefined;
  /** Defined by a CRD: strategic merge patch is refused (415), as on a real server. */
  readonly custom: boolean;
}

const SPEC_STATUS = ['spec', 'status'] as const;

/** Builds a resource description; `topLevelFields` defaults to spec + status. */
export function resourceType(
  group: string,
  versions: readonly string[],
  resource: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<
    Pick<ResourceType, 'shortNames' | 'subresources' | 'topLevelFields' | 'singular' | 'custom'>
  > = {},
): ResourceType {
  return {
    group,
    versions,
    resource,
    singular: extra.singular ?? kind.toLowerCase(),
    kind,
    namespaced,
    shortNames: extra.shortNames ?? [],
    subresources: extra.subresources ?? [],
    topLevelFields: 'topLevelFields' in extra ? extra.topLevelFields : SPEC_STATUS,
    custom: extra.custom ?? false,
  };
}

const type = resourceType;
const RBAC = 'rbac.authorization.k8s.io';
const RBAC_ROLE = { topLevelFields: ['rules', 'aggregationRule'] };
const RBAC_BINDING = { topLevelFields: ['subjects', 'roleRef'] };

/** The Kubernetes built-in resources every fake cluster serves (custom resources come from CRDs). */
export const BUILTIN_TYPES: readonly ResourceType[] = [
  type('', ['v1'], 'namespaces', 'Namespace', false, { shortNames: ['ns'], subresources: ['status'] }),
  type('', ['v1'], 'secrets', 'Secret', true, {
    topLevelFields: ['data', 'stringData', 'type', 'immutable'],
  }),
  type('', ['v1'], 'configmaps', 'ConfigMap', true, {
    shortNames: ['cm'],
    topLevelFields: ['data', 'binaryData', 'immutable'],
  }),
  type('', ['v1'], 'serviceaccounts', 'ServiceAccount', true, {
    shortNames: ['sa'],
    subresources: ['token'],
    topLevelFields: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  }),
  type('', ['v1'], 'services', 'Service', true, { shortNames: ['svc'], subresources: ['status'] }),
  type('', ['v1'], 'pods', 'Pod', true, { shortNames: ['po'], subresources: ['status', 'eviction'] }),
  type('', ['v1'], 'nodes', 'Node', false, { shortNames: ['no'], subresources: ['status'] }),
  type('', ['v1'], 'endpoints', 'Endpoints', true, {
    shortNames: ['ep'],
    singular: 'endpoints',
    topLevelFields: ['subsets'],
  }),
  type('apps', ['v1'], 'deployments', 'Deployment', true, {
    shortNames: ['deploy'],
    subresources: ['status', 'scale'],
  }),
  type('apps', ['v1'], 'statefulsets', 'StatefulSet', true, {
    shortNames: ['sts'],
    subresources: ['status', 'scale'],
  }),
  type('apps', ['v1'], 'replicasets', 'ReplicaSet', true, {
    shortNames: ['rs'],
    subresources: ['status', 'scale'],
  }),
  type('apps', ['v1'], 'daemonsets', 'DaemonSet', true, { shortNames: ['ds'], subresources: ['status'] }),
  type('batch', ['v1'], 'jobs', 'Job', true, { subresources: ['status'] }),
  type('batch', ['v1'], 'cronjobs', 'CronJob', true, { shortNames: ['cj'], subresources: ['status'] }),
  type('autoscaling', ['v2'], 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, {
    shortNames: ['hpa'],
    subresources: ['status'],
  }),
  type('policy', ['v1'], 'poddisruptionbudgets', 'PodDisruptionBudget', true, {
    shortNames: ['pdb'],
    subresources: ['status'],
  }),
  type('coordination.k8s.io', ['v1'], 'leases', 'Lease', true, { topLevelFields: ['spec'] }),
  type('networking.k8s.io', ['v1'], 'networkpolicies', 'NetworkPolicy', true, {
    shortNames: ['netpol'],
    subresources: ['status'],
  }),
  type(RBAC, ['v1'], 'roles', 'Role', true, RBAC_ROLE),
  type(RBAC, ['v1'], 'rolebindings', 'RoleBinding', true, RBAC_BINDING),
  type(RBAC, ['v1'], 'clusterroles', 'ClusterRole', false, RBAC_ROLE),
  type(RBAC, ['v1'], 'clusterrolebindings', 'ClusterRoleBinding', false, RBAC_BINDING),
  type('apiextensions.k8s.io', ['v1'], 'customresourcedefinitions', 'CustomResourceDefinition', false, {
    shortNames: ['crd', 'crds'],
    subresources: ['status'],
  }),
];

/** A built-in resource type (for the fake's own controllers); throws when the registry lacks it. */
export function builtin(group: string, version: string, resource: string): ResourceType {
  const found = BUILTIN_TYPES.find(
    (t) => t.group === group && t.resource === resource && t.versions.includes(version),
  );
  if (found === undefined) throw new Error(`built-in resource ${resource} missing from the registry`);
  return found;
}

/** Splits `apps/v1` into group and version (`v1` is the core group). */
export function parseApiVersion(apiVersion: string): { readonly group: string; readonly version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** The storage key of a resource type: versions of one group/resource share objects, as in a real cluster. */
export function storageKey(type: ResourceType): string {
  return `${type.group}/${type.resource}`;
}
