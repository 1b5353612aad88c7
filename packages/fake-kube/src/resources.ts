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
  readonly subresources: readonly ('status' | 'scale' | 'token' | 'eviction')[];
  /**
   * Top-level fields the schema declares (besides apiVersion/kind/metadata), used by
   * `fieldValidation=Strict`; `undefined` means the fake does not model the schema (any field passes).
   */
  readonly topLevelFields: readonly string[] | undefined;
}

const SPEC_STATUS = ['spec', 'status'] as const;

function type(
  group: string,
  versions: readonly string[],
  resource: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<Pick<ResourceType, 'shortNames' | 'subresources' | 'topLevelFields'>> = {},
): ResourceType {
  return {
    group,
    versions,
    resource,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames: extra.shortNames ?? [],
    subresources: extra.subresources ?? [],
    topLevelFields: 'topLevelFields' in extra ? extra.topLevelFields : SPEC_STATUS,
  };
}

const ISTIO_NETWORKING = ['v1', 'v1beta1', 'v1alpha3'] as const;
const ISTIO_SECURITY = ['v1', 'v1beta1'] as const;
const CRD = { subresources: ['status'] as const, topLevelFields: undefined };

/** Every resource the fake serves. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  type('', ['v1'], 'namespaces', 'Namespace', false, { shortNames: ['ns'], subresources: ['status'] }),
  type('', ['v1'], 'secrets', 'Secret', true, { topLevelFields: ['data', 'stringData', 'type', 'immutable'] }),
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
  type('', ['v1'], 'endpoints', 'Endpoints', true, { shortNames: ['ep'], topLevelFields: ['subsets'] }),
  type('apps', ['v1'], 'deployments', 'Deployment', true, { shortNames: ['deploy'], subresources: ['status', 'scale'] }),
  type('apps', ['v1'], 'statefulsets', 'StatefulSet', true, { shortNames: ['sts'], subresources: ['status', 'scale'] }),
  type('apps', ['v1'], 'replicasets', 'ReplicaSet', true, { shortNames: ['rs'], subresources: ['status', 'scale'] }),
  type('autoscaling', ['v2'], 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, {
    shortNames: ['hpa'],
    subresources: ['status'],
  }),
  type('coordination.k8s.io', ['v1'], 'leases', 'Lease', true, { topLevelFields: ['spec'] }),
  type('networking.k8s.io', ['v1'], 'networkpolicies', 'NetworkPolicy', true, {
    shortNames: ['netpol'],
    subresources: ['status'],
  }),
  type('networking.istio.io', ISTIO_NETWORKING, 'virtualservices', 'VirtualService', true, { ...CRD, shortNames: ['vs'] }),
  type('networking.istio.io', ISTIO_NETWORKING, 'destinationrules', 'DestinationRule', true, {
    ...CRD,
    shortNames: ['dr'],
  }),
  type('networking.istio.io', ISTIO_NETWORKING, 'gateways', 'Gateway', true, { ...CRD, shortNames: ['gw'] }),
  type('networking.istio.io', ISTIO_NETWORKING, 'serviceentries', 'ServiceEntry', true, { ...CRD, shortNames: ['se'] }),
  type('security.istio.io', ISTIO_SECURITY, 'peerauthentications', 'PeerAuthentication', true, {
    ...CRD,
    shortNames: ['pa'],
  }),
  type('security.istio.io', ISTIO_SECURITY, 'authorizationpolicies', 'AuthorizationPolicy', true, {
    ...CRD,
    shortNames: ['ap'],
  }),
  type('argoproj.io', ['v1alpha1'], 'applications', 'Application', true, { ...CRD, shortNames: ['app', 'apps'] }),
  type('argoproj.io', ['v1alpha1'], 'applicationsets', 'ApplicationSet', true, {
    ...CRD,
    shortNames: ['appset', 'appsets'],
  }),
];

/** Finds the resource served at `group/version` under the plural name, or `undefined`. */
export function findResource(group: string, version: string, resource: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.resource === resource && t.versions.includes(version));
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

/** Finds the resource for an object's `apiVersion` and `kind`. */
export function findKind(apiVersion: string, kind: string): ResourceType | undefined {
  const { group, version } = parseApiVersion(apiVersion);
  return RESOURCE_TYPES.find((t) => t.group === group && t.kind === kind && t.versions.includes(version));
}

/** The storage key of a resource type: versions of one group/resource share objects, as in a real cluster. */
export function storageKey(type: ResourceType): string {
  return `${type.group}/${type.resource}`;
}

/** Non-core groups, each with every version it serves. */
export function apiGroups(): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const t of RESOURCE_TYPES) {
    if (t.group === '') continue;
    const versions = groups.get(t.group) ?? [];
    for (const v of t.versions) if (!versions.includes(v)) versions.push(v);
    groups.set(t.group, versions);
  }
  return groups;
}

/** The resource type stored under a storage key (`apps/deployments`). */
export function resourceForStorageKey(key: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => storageKey(t) === key);
}
