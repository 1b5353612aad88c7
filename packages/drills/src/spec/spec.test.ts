import { loadExampleTopology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { isDrillError } from '../errors.js';
import { scenarioNames } from './drill-schema.js';
import { drillJsonSchema } from './json-schema.js';
import { parseDrill } from './load.js';
import { scenarioDrill } from './scenarios.js';

const DRILL = `
apiVersion: okemesh.io/v1alpha1
kind: Drill
metadata: { name: reviews-pods }
spec:
  probes:
    - { type: http, name: page, url: "https://app.example.com/productpage", rate: 50 }
  faults:
    - { type: delete-pods, cluster: primary-cluster, namespace: bookinfo, selector: app=reviews, radius: { percent: 50 } }
    - { type: istio-abort, cluster: primary-cluster, service: ratings, percentage: 50 }
  hold: 30s
`;

describe('drill spec', () => {
  it('parses YAML, applies defaults and checks references to the topology', async () => {
    const { topology } = await loadExampleTopology();
    const drill = parseDrill(DRILL, topology);
    expect(drill.spec.probes[0]).toMatchObject({ mode: 'fresh', timeout: '1s', rate: 50 });
    expect(drill.spec.faults[1]).toMatchObject({ httpStatus: 503, percentage: 50 });
    expect(drill.spec.maxDuration).toBe('10m');
    expect(drill.spec.verdict.rto).toBe('rto');
  });

  it('rejects unknown clusters and services with every problem listed', async () => {
    const { topology } = await loadExampleTopology();
    const text = DRILL.replace('cluster: primary-cluster, namespace', 'cluster: nowhere, namespace').replace(
      'service: ratings',
      'service: billing',
    );
    try {
      parseDrill(text, topology);
      expect.unreachable();
    } catch (error) {
      expect(isDrillError(error) && error.code).toBe('DRILL_SPEC_REFERENCE');
      expect((error as { details: string[] }).details).toEqual([
        expect.stringMatching(/spec\.faults\[0\]\.cluster: "nowhere"/),
        expect.stringMatching(/spec\.faults\[1\]\.service: "billing"/),
      ]);
    }
  });

  it('rejects schema errors with paths', async () => {
    const { topology } = await loadExampleTopology();
    expect(() => parseDrill(DRILL.replace('percent: 50', 'percent: 0'), topology)).toThrow(
      /spec\.faults\.0\.radius/,
    );
    expect(() => parseDrill('kind: [', topology)).toThrow(/not valid YAML/);
  });

  it('builds every built-in scenario from the topology alone', async () => {
    const { topology } = await loadExampleTopology();
    for (const scenario of scenarioNames.filter((s) => s !== 'database-failover')) {
      const drill = scenarioDrill(scenario, topology);
      expect(drill.spec.scenario).toBe(scenario);
      expect(drill.spec.probes.map((p) => p.name)).toContain('journey-fresh');
    }
    const ingress = scenarioDrill('ingress-failure', topology);
    expect(ingress.spec.faults).toEqual([
      {
        type: 'scale-deployment',
        cluster: 'primary-cluster',
        namespace: 'istio-system',
        name: 'istio-ingressgateway',
      },
    ]);
    expect(ingress.spec.verdict.rto).toBe('dnsFailover');
    const eastWest = scenarioDrill('east-west-failure', topology, { cluster: 'secondary-cluster' });
    expect(eastWest.spec.faults.map((f) => (f.type === 'scale-deployment' ? f.name : f.type))).toEqual([
      'reviews',
      'ratings',
      'details',
      'eastwest-gateway-down',
    ]);
    expect(() => scenarioDrill('database-failover', topology)).toThrow(/nothing to fail/);
  });

  it('publishes a JSON Schema', () => {
    const schema = drillJsonSchema();
    expect(schema.$id).toMatch(/drill\.schema\.json$/);
    expect(JSON.stringify(schema)).toContain('istio-abort');
  });
});
