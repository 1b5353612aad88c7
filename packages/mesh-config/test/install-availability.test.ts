import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { render } from '../src/index.js';
import { CASES, loadCase } from './fixtures.js';

interface Affinity {
  podAntiAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: {
      podAffinityTerm: { topologyKey: string; labelSelector: { matchLabels: Record<string, string> } };
    }[];
  };
}
interface Gateway {
  name: string;
  k8s: {
    replicaCount: number;
    hpaSpec: { minReplicas: number };
    podDisruptionBudget: { minAvailable: number };
    affinity: Affinity;
  };
}

const spreadKeys = (a: Affinity | undefined) =>
  a?.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution.map(
    (t) => t.podAffinityTerm.topologyKey,
  );
const spreadSelector = (a: Affinity | undefined) =>
  a?.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]?.podAffinityTerm.labelSelector
    .matchLabels;

describe.each(Object.keys(CASES))('HA of gateways and istiod in both install paths: %s', (name) => {
  const topology = loadCase(name);
  const bundle = render(topology);
  const file = (cluster: string, path: string): unknown =>
    parse(bundle.files.find((f) => f.path === `clusters/${cluster}/install/${path}`)?.content ?? 'null');

  it.each(topology.spec.clusters.map((c) => c.name))('%s: Helm values', (cluster) => {
    for (const [path, selector] of [
      ['helm/eastwest-gateway.values.yaml', { istio: 'eastwestgateway' }],
      ['helm/ingress-gateway.values.yaml', { istio: 'ingressgateway' }],
    ] as const) {
      const values = file(cluster, path) as {
        replicaCount: number;
        autoscaling: { minReplicas: number; maxReplicas: number };
        podDisruptionBudget: { minAvailable: number };
        affinity: Affinity;
      };
      expect(values.replicaCount).toBeGreaterThanOrEqual(2);
      expect(values.autoscaling.minReplicas).toBeGreaterThanOrEqual(2);
      expect(values.autoscaling.maxReplicas).toBeGreaterThanOrEqual(values.autoscaling.minReplicas);
      expect(values.podDisruptionBudget).toEqual({ minAvailable: 1 });
      expect(spreadKeys(values.affinity)?.[0]).toBe('topology.kubernetes.io/zone');
      expect(spreadSelector(values.affinity)).toEqual(selector);
    }
    const istiod = file(cluster, 'helm/istiod.values.yaml') as { autoscaleMin: number; affinity: Affinity };
    expect(istiod.autoscaleMin).toBeGreaterThanOrEqual(2);
    expect(spreadKeys(istiod.affinity)).toContain('topology.kubernetes.io/zone');
  });

  it.each(topology.spec.clusters.map((c) => c.name))('%s: IstioOperator files', (cluster) => {
    const control = file(cluster, 'control-plane.istio-operator.yaml') as {
      spec: {
        components: { pilot: { k8s: { affinity: Affinity } }; ingressGateways: Gateway[] };
        values: { pilot: { autoscaleMin: number } };
      };
    };
    const eastWest = file(cluster, 'eastwest-gateway.istio-operator.yaml') as {
      spec: { components: { ingressGateways: Gateway[] } };
    };
    expect(control.spec.values.pilot.autoscaleMin).toBeGreaterThanOrEqual(2);
    expect(spreadSelector(control.spec.components.pilot.k8s.affinity)).toEqual({ app: 'istiod' });
    const gateways = [
      ...control.spec.components.ingressGateways,
      ...eastWest.spec.components.ingressGateways,
    ];
    expect(gateways.map((g) => g.name).sort()).toEqual(['istio-eastwestgateway', 'istio-ingressgateway']);
    for (const g of gateways) {
      expect(g.k8s.replicaCount).toBeGreaterThanOrEqual(2);
      expect(g.k8s.hpaSpec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(g.k8s.podDisruptionBudget).toEqual({ minAvailable: 1 });
      expect(spreadKeys(g.k8s.affinity)?.[0]).toBe('topology.kubernetes.io/zone');
    }
  });
});
