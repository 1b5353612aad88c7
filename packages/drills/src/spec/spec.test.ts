import { loadExampleTopology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { isDrillError } from '../errors.js';
import { scenarioNames } from './drill-schema.js';
import { drillJsonSchema } from './json-schema.js';
import { parseDrill } from './load.js';
import { scenarioDrill, scenarioMeasures } from './scenarios.js';

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

  it('database-failover: ADB switchover (or --unplanned failover) or PostgreSQL promotion, with RPO from a writer', async () => {
    const { topology } = await loadExampleTopology();
    const writer = {
      driver: 'postgres' as const,
      primary: { host: 'db-a.internal' },
      standby: { host: 'db-b.internal' },
      user: 'okemesh_writer',
      passwordEnv: 'PGPASSWORD',
    };
    const pg = scenarioDrill('database-failover', topology, { writer });
    expect(pg.spec.faults).toEqual([{ type: 'postgres-promote', wait: '60s' }]);
    expect(pg.spec.writer).toMatchObject({ rate: 20, clockError: '1ms', primary: { port: 5432 } });
    expect(scenarioMeasures('database-failover', { writer })).toEqual(['RTO', 'RPO']);
    expect(scenarioMeasures('database-failover')).toEqual(['RTO']);
    expect(scenarioMeasures('ingress-failure', { writer })).toEqual(['RTO']);
    const withAdb = {
      ...topology,
      spec: {
        ...topology.spec,
        data: {
          autonomousDatabase: {
            primary: 'ocid1.autonomousdatabase.oc1.us-sanjose-1.aaaa',
            standby: 'ocid1.autonomousdatabase.oc1.us-chicago-1.bbbb',
          },
        },
      },
    };
    expect(scenarioDrill('database-failover', withAdb).spec.faults).toEqual([
      { type: 'adb-switchover', database: 'standby' },
    ]);
    expect(scenarioDrill('database-failover', withAdb, { unplanned: true }).spec.faults).toEqual([
      { type: 'adb-failover', database: 'standby' },
    ]);
    // A password can only be named (env var or 0600 file), never written into the drill.
    expect(() =>
      scenarioDrill('database-failover', topology, { writer: { ...writer, password: 'x' } as never }),
    ).toThrow(/password/);
    expect(() =>
      parseDrill(
        `apiVersion: okemesh.io/v1alpha1\nkind: Drill\nmetadata: { name: p }\nspec:\n  probes: [{ type: http, name: a, url: "http://x/" }]\n  faults: [{ type: postgres-promote }]\n`,
        topology,
        'p.yaml',
      ),
    ).toThrow(/postgres-promote needs a spec.writer/);
  });

  it('publishes a JSON Schema', () => {
    const schema = drillJsonSchema();
    expect(schema.$id).toMatch(/drill\.schema\.json$/);
    expect(JSON.stringify(schema)).toContain('istio-abort');
  });
});
