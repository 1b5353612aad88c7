import type { Cluster, Topology } from '@okemesh/topology';
import { DrillError } from '../errors.js';
import {
  DRILL_API_VERSION,
  DRILL_KIND,
  scenarioNames,
  type Drill,
  type DrillInput,
  type ScenarioName,
} from './drill-schema.js';
import type { Fault } from './fault-schema.js';
import { validateDrill } from './load.js';
import type { WriterSpecInput } from './writer-schema.js';

export interface ScenarioOptions {
  /** Cluster to fail; default the topology's primary. */
  readonly cluster?: string;
  /** URL the HTTP probes hit; default https://<dns.domain or first ingress host><health path>. */
  readonly url?: string;
  readonly hold?: string;
  /** RPO sequence writer for the database scenarios (database-failover, full-region). */
  readonly writer?: WriterSpecInput;
  /** Database scenarios: failover (unplanned, not reverted) instead of a switchover (planned, switched back). */
  readonly unplanned?: boolean;
}

export const scenarioDescriptions: Readonly<Record<ScenarioName, string>> = {
  'ingress-failure':
    'Ingress gateway of one region scaled to 0: DNS steering must move clients to the other region',
  'east-west-failure':
    "Services' pods and the east-west gateway of one region down: traffic must fail over through the mesh",
  'database-failover':
    'Database switchover (or --unplanned failover) to the standby, Autonomous Data Guard or PostgreSQL: RTO, and RPO from a sequence writer',
  'full-region': 'Everything in one region at once: ingress, workloads, east-west gateway, database',
};

function pickCluster(topology: Topology, name: string | undefined): Cluster {
  const clusters = topology.spec.clusters;
  const cluster = name
    ? clusters.find((c) => c.name === name)
    : (clusters.find((c) => c.role === 'primary') ?? clusters[0]);
  if (!cluster) {
    throw new DrillError(
      'DRILL_SPEC_REFERENCE',
      `no cluster "${name ?? 'primary'}" in the topology (${clusters.map((c) => c.name).join(', ')})`,
    );
  }
  return cluster;
}

function probeUrl(topology: Topology, url: string | undefined): string {
  if (url) return url;
  const host = topology.spec.dns?.domain ?? topology.spec.ingress?.hosts[0];
  if (!host)
    throw new DrillError(
      'DRILL_SPEC_REFERENCE',
      'the topology has neither spec.dns nor spec.ingress: pass a probe URL',
    );
  const hc = topology.spec.dns?.healthCheck;
  const scheme = (hc?.protocol ?? 'HTTPS').toLowerCase();
  return `${scheme}://${host}${hc?.path ?? '/'}`;
}

function ingressFaults(cluster: Cluster): Fault[] {
  return [
    {
      type: 'scale-deployment',
      cluster: cluster.name,
      namespace: 'istio-system',
      name: 'istio-ingressgateway',
    },
  ];
}

function eastWestFaults(topology: Topology, cluster: Cluster): Fault[] {
  const entry = new Set(topology.spec.ingress?.routes.map((r) => r.service) ?? []);
  const behind = topology.spec.services.filter((s) => !entry.has(s.name));
  const faults: Fault[] = behind.map((s) => ({
    type: 'scale-deployment',
    cluster: cluster.name,
    namespace: s.namespace,
    name: s.name,
  }));
  faults.push({
    type: 'eastwest-gateway-down',
    cluster: cluster.name,
    namespace: 'istio-system',
    name: 'istio-eastwestgateway',
  });
  return faults;
}

function databaseFaults(topology: Topology, options: ScenarioOptions): Fault[] {
  if (topology.spec.data.autonomousDatabase)
    return [{ type: options.unplanned ? 'adb-failover' : 'adb-switchover', database: 'standby' }];
  if (options.writer?.driver === 'postgres') return [{ type: 'postgres-promote', wait: '60s' }];
  return [];
}

const DATABASE_SCENARIOS: readonly ScenarioName[] = ['database-failover', 'full-region'];

/** What a scenario's verdict measures: RTO always; RPO when a database scenario has a sequence writer. */
export function scenarioMeasures(scenario: ScenarioName, options: ScenarioOptions = {}): ('RTO' | 'RPO')[] {
  return DATABASE_SCENARIOS.includes(scenario) && options.writer ? ['RTO', 'RPO'] : ['RTO'];
}

/** A ready-to-run drill for a built-in scenario, derived from the topology alone (zero configuration). */
export function scenarioDrill(
  scenario: ScenarioName,
  topology: Topology,
  options: ScenarioOptions = {},
): Drill {
  if (!scenarioNames.includes(scenario)) {
    throw new DrillError(
      'DRILL_SPEC_INVALID',
      `unknown scenario "${String(scenario)}"; one of ${scenarioNames.join(', ')}`,
    );
  }
  const cluster = pickCluster(topology, options.cluster);
  const url = probeUrl(topology, options.url);
  const faults: Fault[] = {
    'ingress-failure': () => ingressFaults(cluster),
    'east-west-failure': () => eastWestFaults(topology, cluster),
    'database-failover': () => databaseFaults(topology, options),
    'full-region': () => [
      ...ingressFaults(cluster),
      ...eastWestFaults(topology, cluster),
      ...databaseFaults(topology, options),
    ],
  }[scenario]();
  if (faults.length === 0) {
    throw new DrillError(
      'DRILL_NO_TARGETS',
      `scenario ${scenario} has nothing to fail in this topology (no spec.data.autonomousDatabase, no PostgreSQL writer)`,
    );
  }
  const dns = scenario === 'ingress-failure' || scenario === 'full-region';
  const input: DrillInput = {
    apiVersion: DRILL_API_VERSION,
    kind: DRILL_KIND,
    metadata: { name: `${scenario}-${cluster.name}`.slice(0, 63).replace(/-+$/, '') },
    spec: {
      description: scenarioDescriptions[scenario],
      scenario,
      probes: [
        { type: 'http', name: 'journey-fresh', url, rate: 20, mode: 'fresh' },
        { type: 'http', name: 'journey-keepalive', url, rate: 20, mode: 'keepalive' },
        ...(dns && topology.spec.dns ? [{ type: 'dns' as const, name: 'dns-answers', rate: 10 }] : []),
      ],
      faults,
      ...(options.writer && DATABASE_SCENARIOS.includes(scenario) ? { writer: options.writer } : {}),
      ...(options.hold ? { hold: options.hold } : {}),
      verdict: { rto: scenario === 'ingress-failure' && topology.spec.dns ? 'dnsFailover' : 'rto' },
    },
  };
  return validateDrill(input, topology);
}
