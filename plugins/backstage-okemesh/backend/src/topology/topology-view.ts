import type {
  ClusterView,
  EastWestLink,
  LintFindingView,
  LintLevel,
  LintView,
  RegionView,
  ServiceView,
  SloName,
  SloRow,
  TopologyResponse,
} from '@okemesh/backstage-plugin-okemesh-common';
import {
  declaredMeshFromTopology,
  lint,
  parseManifests,
  render,
  type LintDocument,
} from '@okemesh/mesh-config';
import { formatIssue, isTopologyError, parseDuration, parseTopology, type Topology } from '@okemesh/topology';
import { OkemeshBackendError } from '../errors.js';

const sloNames: readonly SloName[] = [
  'availability',
  'rto',
  'rpo',
  'dnsFailover',
  'crossClusterP99',
  'meshSync',
];

function regionsOf(topology: Topology): RegionView[] {
  const regions = new Map<string, ClusterView[]>();
  for (const c of topology.spec.clusters) {
    const view: ClusterView = { name: c.name, region: c.region, role: c.role, network: c.network };
    regions.set(c.region, [...(regions.get(c.region) ?? []), view]);
  }
  return [...regions].map(([name, clusters]) => ({ name, clusters }));
}

/** Clusters on different networks talk through east-west gateways: one link per such pair. */
function eastWestOf(topology: Topology): EastWestLink[] {
  const clusters = topology.spec.clusters;
  return clusters.flatMap((a, i) =>
    clusters.slice(i + 1).flatMap((b) => (a.network === b.network ? [] : [{ from: a.name, to: b.name }])),
  );
}

function servicesOf(topology: Topology): ServiceView[] {
  const regions = [...new Set(topology.spec.clusters.map((c) => c.region))];
  return topology.spec.services.map((s) => {
    const { failover } = s;
    const active =
      failover.mode === 'active-passive'
        ? failover.regions.slice(0, 1)
        : Object.entries(failover.weights).flatMap(([region, weight]) => (weight > 0 ? [region] : []));
    return {
      name: s.name,
      namespace: s.namespace,
      mode: s.failover.mode,
      activeRegions: active,
      passiveRegions: regions.filter((r) => !active.includes(r)),
    };
  });
}

function slosOf(topology: Topology): SloRow[] {
  const slos = topology.spec.slos;
  return sloNames.map((name) => {
    const value = slos[name];
    if (typeof value === 'number') return { name, target: String(value) };
    const ms = parseDuration(value);
    return ms === undefined ? { name, target: value } : { name, target: value, seconds: ms / 1000 };
  });
}

/** Lints what `okemesh render` would write for this topology, the way `okemesh lint <bundle>` does. */
function lintOf(topology: Topology): { lint: LintView; files: number; objects: number } {
  const bundle = render(topology);
  const clusterOf = new Map(bundle.objects.map((o) => [o.path, o.cluster]));
  const documents: LintDocument[] = bundle.files
    .filter((f) => f.path.endsWith('.yaml') && clusterOf.has(f.path))
    .flatMap((f) => {
      const cluster = clusterOf.get(f.path);
      return parseManifests(f.content, f.path).documents.map((d) => ({
        file: d.file,
        value: d.value,
        locate: d.locate,
        ...(cluster === undefined ? {} : { cluster }),
      }));
    });
  const findings: LintFindingView[] = lint(documents, { mesh: declaredMeshFromTopology(topology) }).map(
    (f) => ({
      code: f.code,
      level: f.level,
      message: f.message,
      resource: f.resource,
      file: f.file,
      line: f.line,
      hint: f.hint,
      ...(f.cluster === undefined ? {} : { cluster: f.cluster }),
    }),
  );
  const counts: Record<LintLevel, number> = { Error: 0, Warning: 0, Info: 0 };
  for (const f of findings) counts[f.level] += 1;
  const status = counts.Error > 0 ? 'fail' : counts.Warning > 0 ? 'warn' : 'pass';
  return { lint: { status, counts, findings }, files: bundle.files.length, objects: bundle.objects.length };
}

/** Parses a topology text; a topology error becomes OKEMESH_TOPOLOGY_INVALID with every located issue. */
export function parseEntityTopology(text: string, source: string): Topology {
  try {
    return parseTopology(text, { file: source }).topology;
  } catch (error) {
    if (!isTopologyError(error)) throw error;
    const issues = error.issues.map((i) => formatIssue(i).replace(/\n\s*/g, ' ')).join('; ');
    throw new OkemeshBackendError(
      'OKEMESH_TOPOLOGY_INVALID',
      `${source} is not a valid topology: ${issues}`,
      error,
    );
  }
}

/** The Failover tab's data for one entity: pure, from the topology text. */
export function topologyView(entityRef: string, source: string, text: string): TopologyResponse {
  const topology = parseEntityTopology(text, source);
  const { lint: lintView, files, objects } = lintOf(topology);
  const regions = regionsOf(topology);
  return {
    entityRef,
    source,
    name: topology.metadata.name,
    meshId: topology.spec.mesh.id,
    trustDomain: topology.spec.mesh.trustDomain,
    regions,
    networks: [...new Set(topology.spec.clusters.map((c) => c.network))],
    eastWest: eastWestOf(topology),
    services: servicesOf(topology),
    slos: slosOf(topology),
    lint: lintView,
    rendered: { files, objects },
  };
}
