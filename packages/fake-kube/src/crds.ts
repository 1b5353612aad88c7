import { isRecord, readPath } from './object.js';
import type { KubeObject } from './object.js';
import { resourceType } from './resources.js';
import type { ResourceType, Subresource } from './resources.js';

/** What a test needs to say to define a custom resource. */
export interface CustomResourceInput {
  readonly group: string;
  readonly kind: string;
  /** Lower-case plural; default: kind lower-cased + `s`. */
  readonly plural?: string;
  /** Served versions; the first is the storage version. */
  readonly versions: readonly string[];
  /** Default true. */
  readonly namespaced?: boolean;
  readonly shortNames?: readonly string[];
  /** Default true: a `status` subresource, as most CRDs declare. */
  readonly statusSubresource?: boolean;
}

/** Builds an `apiextensions.k8s.io/v1` CustomResourceDefinition object (schema: preserve unknown fields). */
export function customResourceDefinition(input: CustomResourceInput): KubeObject {
  const plural = input.plural ?? `${input.kind.toLowerCase()}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${input.group}` },
    spec: {
      group: input.group,
      names: {
        kind: input.kind,
        listKind: `${input.kind}List`,
        plural,
        singular: input.kind.toLowerCase(),
        ...(input.shortNames === undefined ? {} : { shortNames: [...input.shortNames] }),
      },
      scope: input.namespaced === false ? 'Cluster' : 'Namespaced',
      versions: input.versions.map((name, i) => ({
        name,
        served: true,
        storage: i === 0,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        ...(input.statusSubresource === false ? {} : { subresources: { status: {} } }),
      })),
    },
  };
}

/** The resource a CRD object defines (served versions only); `undefined` when the CRD is malformed. */
export function typeFromCrd(crd: KubeObject): ResourceType | undefined {
  const group = readPath(crd, 'spec.group');
  const kind = readPath(crd, 'spec.names.kind');
  const plural = readPath(crd, 'spec.names.plural');
  const versions = readPath(crd, 'spec.versions');
  if (
    typeof group !== 'string' ||
    typeof kind !== 'string' ||
    typeof plural !== 'string' ||
    !Array.isArray(versions)
  )
    return undefined;
  const served = versions.filter(
    (v) => isRecord(v) && v['served'] !== false && typeof v['name'] === 'string',
  );
  const ordered = [
    ...served.filter((v) => isRecord(v) && v['storage'] === true),
    ...served.filter((v) => isRecord(v) && v['storage'] !== true),
  ];
  if (ordered.length === 0) return undefined;
  const subresources = new Set<Subresource>();
  for (const v of ordered) {
    if (readPath(v, 'subresources.status') !== undefined) subresources.add('status');
    if (readPath(v, 'subresources.scale') !== undefined) subresources.add('scale');
  }
  const shortNames = readPath(crd, 'spec.names.shortNames');
  const singular = readPath(crd, 'spec.names.singular');
  return resourceType(
    group,
    ordered.map((v) => String((v as Record<string, unknown>)['name'])),
    plural,
    kind,
    readPath(crd, 'spec.scope') !== 'Cluster',
    {
      shortNames: Array.isArray(shortNames) ? shortNames.map(String) : [],
      subresources: [...subresources],
      topLevelFields: undefined,
      custom: true,
      ...(typeof singular === 'string' && singular !== '' ? { singular } : {}),
    },
  );
}

/** CRD bundles a fake cluster can start with. */
export type CrdBundle = 'istio' | 'argocd' | 'prometheus-operator' | 'external-secrets';

const ISTIO_NET = ['v1', 'v1beta1', 'v1alpha3'];
const ISTIO_SEC = ['v1', 'v1beta1'];

export const CRD_BUNDLES: Readonly<Record<CrdBundle, readonly CustomResourceInput[]>> = {
  istio: [
    { group: 'networking.istio.io', kind: 'VirtualService', versions: ISTIO_NET, shortNames: ['vs'] },
    { group: 'networking.istio.io', kind: 'DestinationRule', versions: ISTIO_NET, shortNames: ['dr'] },
    { group: 'networking.istio.io', kind: 'Gateway', versions: ISTIO_NET, shortNames: ['gw'] },
    {
      group: 'networking.istio.io',
      kind: 'ServiceEntry',
      plural: 'serviceentries',
      versions: ISTIO_NET,
      shortNames: ['se'],
    },
    { group: 'networking.istio.io', kind: 'Sidecar', versions: ISTIO_NET },
    {
      group: 'networking.istio.io',
      kind: 'WorkloadEntry',
      plural: 'workloadentries',
      versions: ISTIO_NET,
      shortNames: ['we'],
    },
    { group: 'networking.istio.io', kind: 'WorkloadGroup', versions: ISTIO_NET, shortNames: ['wg'] },
    { group: 'networking.istio.io', kind: 'EnvoyFilter', versions: ['v1alpha3'] },
    { group: 'security.istio.io', kind: 'PeerAuthentication', versions: ISTIO_SEC, shortNames: ['pa'] },
    {
      group: 'security.istio.io',
      kind: 'AuthorizationPolicy',
      plural: 'authorizationpolicies',
      versions: ISTIO_SEC,
      shortNames: ['ap'],
    },
    { group: 'security.istio.io', kind: 'RequestAuthentication', versions: ISTIO_SEC, shortNames: ['ra'] },
    {
      group: 'telemetry.istio.io',
      kind: 'Telemetry',
      plural: 'telemetries',
      versions: ['v1', 'v1alpha1'],
      shortNames: ['telemetry'],
    },
    { group: 'install.istio.io', kind: 'IstioOperator', versions: ['v1alpha1'], shortNames: ['iop', 'io'] },
  ],
  argocd: [
    { group: 'argoproj.io', kind: 'Application', versions: ['v1alpha1'], shortNames: ['app', 'apps'] },
    {
      group: 'argoproj.io',
      kind: 'ApplicationSet',
      versions: ['v1alpha1'],
      shortNames: ['appset', 'appsets'],
    },
    { group: 'argoproj.io', kind: 'AppProject', versions: ['v1alpha1'], shortNames: ['appproj', 'appprojs'] },
  ],
  'prometheus-operator': [
    {
      group: 'monitoring.coreos.com',
      kind: 'PrometheusRule',
      versions: ['v1'],
      shortNames: ['promrule'],
      statusSubresource: false,
    },
    {
      group: 'monitoring.coreos.com',
      kind: 'ServiceMonitor',
      versions: ['v1'],
      shortNames: ['smon'],
      statusSubresource: false,
    },
    {
      group: 'monitoring.coreos.com',
      kind: 'PodMonitor',
      versions: ['v1'],
      shortNames: ['pmon'],
      statusSubresource: false,
    },
  ],
  'external-secrets': [
    { group: 'external-secrets.io', kind: 'ExternalSecret', versions: ['v1', 'v1beta1'], shortNames: ['es'] },
    { group: 'external-secrets.io', kind: 'SecretStore', versions: ['v1', 'v1beta1'], shortNames: ['ss'] },
    {
      group: 'external-secrets.io',
      kind: 'ClusterSecretStore',
      versions: ['v1', 'v1beta1'],
      namespaced: false,
      shortNames: ['css'],
    },
  ],
};
