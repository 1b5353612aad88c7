import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { render } from '../src/index.js';
import { CASES, loadCase } from './fixtures.js';

/**
 * Allowed shapes of the install files. `@kubernetes-models/istio`'s IstioOperator is untyped (its CRD
 * schema is preserve-unknown-fields), so these are written from the sources: IstioOperatorSpec and
 * KubernetesResources (operator/pkg/apis/types.go, values_types.proto), MeshConfig/ProxyConfig
 * (istio/api mesh/v1alpha1), and the values.yaml of the base, istiod and gateway charts.
 * `true` accepts any value below that key.
 */
type Shape = true | { readonly [key: string]: Shape };

const gatewayComponent: Shape = {
  name: true,
  namespace: true,
  enabled: true,
  label: true,
  hub: true,
  tag: true,
  k8s: {
    env: true,
    service: { type: true, ports: true, loadBalancerSourceRanges: true },
    serviceAnnotations: true,
    replicaCount: true,
    resources: true,
    hpaSpec: true,
    podAnnotations: true,
    podDisruptionBudget: true,
    affinity: true,
  },
};
const pilotComponent: Shape = {
  enabled: true,
  k8s: { replicaCount: true, hpaSpec: true, affinity: true, podDisruptionBudget: true, resources: true },
};
const meshConfig: Shape = {
  trustDomain: true,
  trustDomainAliases: true,
  defaultConfig: {
    proxyMetadata: true,
    proxyStatsMatcher: { inclusionPrefixes: true, inclusionSuffixes: true, inclusionRegexps: true },
  },
};
const globalValues: Shape = {
  meshID: true,
  multiCluster: { clusterName: true },
  network: true,
  istioNamespace: true,
};

const ISTIO_OPERATOR: Shape = {
  apiVersion: true,
  kind: true,
  metadata: { name: true, namespace: true },
  spec: {
    profile: true,
    revision: true,
    hub: true,
    tag: true,
    meshConfig,
    components: {
      pilot: pilotComponent,
      ingressGateways: gatewayComponent,
      egressGateways: gatewayComponent,
    },
    values: {
      global: globalValues,
      pilot: { replicaCount: true, autoscaleMin: true, autoscaleMax: true },
      gateways: { 'istio-ingressgateway': { injectionTemplate: true } },
    },
  },
};
/** `istio/gateway` chart keys for replicas, HPA, PodDisruptionBudget and scheduling. */
const gatewayAvailability = {
  replicaCount: true,
  autoscaling: { enabled: true, minReplicas: true, maxReplicas: true },
  podDisruptionBudget: true,
  affinity: true,
  topologySpreadConstraints: true,
} as const;
const HELM: Readonly<Record<string, Shape>> = {
  'base.values.yaml': { defaultRevision: true, global: globalValues },
  'istiod.values.yaml': {
    revision: true,
    replicaCount: true,
    autoscaleMin: true,
    autoscaleMax: true,
    affinity: true,
    global: globalValues,
    meshConfig,
  },
  'eastwest-gateway.values.yaml': {
    name: true,
    revision: true,
    networkGateway: true,
    ...gatewayAvailability,
    service: { type: true, annotations: true, loadBalancerSourceRanges: true },
  },
  'ingress-gateway.values.yaml': {
    name: true,
    revision: true,
    ...gatewayAvailability,
    service: { type: true, annotations: true },
  },
};

function unknownKeys(value: unknown, shape: Shape, path = ''): string[] {
  if (shape === true) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownKeys(item, shape, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [`${path}: expected an object`];
  return Object.entries(value).flatMap(([key, child]) => {
    const inner = shape[key];
    return inner === undefined ? [`${path}.${key}`] : unknownKeys(child, inner, `${path}.${key}`);
  });
}

describe.each(Object.keys(CASES))('install files: %s', (name) => {
  const bundle = render(loadCase(name));
  const topology = loadCase(name);

  it('IstioOperator files use only real IstioOperator, values and MeshConfig fields', () => {
    const files = bundle.files.filter((f) => f.path.endsWith('.istio-operator.yaml'));
    expect(files).toHaveLength(topology.spec.clusters.length * 2);
    for (const file of files)
      expect([file.path, unknownKeys(parse(file.content), ISTIO_OPERATOR)]).toEqual([file.path, []]);
  });

  it('Helm values files use only keys of their charts', () => {
    const files = bundle.files.filter((f) => f.path.includes('/install/helm/'));
    expect(files).toHaveLength(topology.spec.clusters.length * 4);
    for (const file of files) {
      const shape = HELM[file.path.slice(file.path.lastIndexOf('/') + 1)];
      expect(shape).toBeDefined();
      expect([file.path, unknownKeys(parse(file.content), shape ?? {})]).toEqual([file.path, []]);
    }
  });

  it('sets the four multicluster identifiers per cluster and never meshConfig.clusterName', () => {
    for (const cluster of topology.spec.clusters) {
      const file = bundle.files.find(
        (f) => f.path === `clusters/${cluster.name}/install/control-plane.istio-operator.yaml`,
      );
      const iop = parse(file?.content ?? '') as {
        spec: { values: { global: Record<string, unknown> }; meshConfig: Record<string, unknown> };
      };
      expect(iop.spec.values.global).toEqual({
        meshID: topology.spec.mesh.id,
        multiCluster: { clusterName: cluster.name },
        network: cluster.network,
      });
      expect(iop.spec.meshConfig['trustDomain']).toBe(topology.spec.mesh.trustDomain);
      expect(iop.spec.meshConfig).not.toHaveProperty('clusterName');
    }
  });

  it('keeps IstioOperator and Helm values out of every kustomization', () => {
    for (const file of bundle.files.filter((f) => f.path.endsWith('kustomization.yaml'))) {
      expect(file.content).not.toMatch(/istio-operator|values\.yaml|install\//);
    }
  });
});

it('the shape check can fail: it reports meshConfig.clusterName and a runbook-style field', () => {
  const bad = {
    apiVersion: 'install.istio.io/v1alpha1',
    kind: 'IstioOperator',
    metadata: { name: 'x' },
    spec: {
      meshConfig: { clusterName: 'c1' },
      components: { ingressGateways: [{ name: 'g', k8s: { redirectPort: 1 } }] },
    },
  };
  expect(unknownKeys(bad, ISTIO_OPERATOR)).toEqual([
    '.spec.meshConfig.clusterName',
    '.spec.components.ingressGateways[0].k8s.redirectPort',
  ]);
});
