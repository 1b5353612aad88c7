import type { ParsedDocument } from '../parse.js';
import { AnalysisContext, type Analyzer, type MeshFacts } from './context.js';
import { defaultResources } from './defaults.js';
import { compareFindings, type Finding } from './finding.js';
import { istioAnalyzers } from './istio-analyzers.js';
import { meshFactsFromResources } from './mesh-facts.js';
import type { DeclaredMesh } from './okemesh/declared-mesh.js';
import { declaredWorkloads } from './okemesh/declared-workloads.js';
import { crossClusterRules, okemeshRules } from './okemesh-rules.js';
import { resourcesOf } from './resources-of.js';
import type { LintResource } from './resource.js';
import { pushTo } from './group.js';

/** A parsed document to lint; `cluster` names the cluster it belongs to in a multicluster mesh. */
export type LintDocument = Pick<ParsedDocument, 'file' | 'value' | 'locate'> & {
  readonly cluster?: string;
  /** The `namespace:` of the kustomization that lists this document: it replaces the object's own. */
  readonly namespace?: string;
};

export interface LintOptions {
  /** meshConfig to assume (otherwise read from the `istio` ConfigMap in the input, else Istio's defaults). */
  readonly meshConfig?: Readonly<Record<string, unknown>>;
  readonly meshNetworks?: Readonly<Record<string, unknown>>;
  readonly meshNetworksFile?: string;
  /** Run only these analyzers/rules (names as in the README tables). Default: all. */
  readonly only?: readonly string[];
  /** Add the resources istioctl adds for files-only analysis (default ingress gateway pod + Service). Default true. */
  readonly defaultResources?: boolean;
  /** Cross-network connect timeouts below this are flagged (OKM0060). Default 1000 ms. */
  readonly connectTimeoutFloorMs?: number;
  /** The mesh trust domain principals must use (default: the topology's, else meshConfig's, else `cluster.local`). */
  readonly trustDomain?: string;
  /** Clock for certificate validity (default: now). */
  readonly now?: Date;
  /** The mesh as declared by the topology (see `declaredMeshFromTopology`): clusters, services, identity. */
  readonly mesh?: DeclaredMesh;
  /** Namespace for namespaced resources that have none (`istioctl analyze -n`). Default `default`. */
  readonly namespace?: string;
}

/** Kubernetes system namespaces istioctl leaves out of analysis (inject.IgnoredNamespaces). */
const ignoredNamespaces = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

const analyzed = (r: LintResource): boolean =>
  !ignoredNamespaces.has(r.kind === 'Namespace' && r.group === '' ? r.name : r.namespace);

function run(
  analyzers: readonly Analyzer[],
  resources: readonly LintResource[],
  facts: MeshFacts,
): Finding[] {
  const ctx = new AnalysisContext(resources, facts);
  for (const analyzer of analyzers) {
    ctx.analyzer = analyzer.name;
    analyzer.analyze(ctx);
  }
  // Findings on synthetic resources (istioctl defaults, declared workloads) are not the user's problem.
  return ctx.results().filter((f) => !f.file.startsWith('('));
}

const analyzerKey = new Map<Analyzer, string>(Object.entries(istioAnalyzers).map(([k, v]) => [v, k]));

/**
 * Lints Istio and Kubernetes documents: strict CRD schema, istioctl's analyzers (same IST codes) and okemesh's
 * multicluster rules (OKM codes). Documents with a `cluster` are analyzed per cluster, then across clusters.
 * Unknown kinds are skipped. Pure: no I/O.
 */
export function lint(documents: readonly LintDocument[], options: LintOptions = {}): Finding[] {
  const resources = documents.flatMap((d) => resourcesOf(d, options.namespace)).filter(analyzed);
  const only = options.only ? new Set(options.only) : undefined;
  const pick = (list: readonly Analyzer[]) =>
    only ? list.filter((a) => only.has(a.name) || only.has(analyzerKey.get(a) ?? '')) : list;
  const perCluster = pick([...Object.values(istioAnalyzers), ...okemeshRules]);
  const clusters = new Map<string | undefined, LintResource[]>();
  for (const r of resources) pushTo(clusters, r.cluster, r);
  const findings: Finding[] = [];
  for (const own of clusters.values()) {
    const facts = meshFactsFromResources(own, options);
    const synthetic = declaredWorkloads(own, options.mesh);
    if (options.defaultResources !== false && facts.meshConfig['ingressControllerMode'] !== 'OFF') {
      synthetic.push(
        ...defaultResources(String(facts.meshConfig['ingressService'] ?? 'istio-ingressgateway')),
      );
    }
    findings.push(...run(perCluster, [...own, ...synthetic], facts));
  }
  if ([...clusters.keys()].some((c) => c !== undefined)) {
    findings.push(...run(pick(crossClusterRules), resources, meshFactsFromResources(resources, options)));
  }
  return unique(findings.sort(compareFindings));
}

/**
 * Drops repeated findings: the same code and message on the same line, reached by two analyzers (istioctl's
 * gateway port and conflict analyzers both report a missing selector). The first one's hint is kept.
 */
function unique(sorted: readonly Finding[]): Finding[] {
  const key = (f: Finding) =>
    JSON.stringify([f.code, f.level, f.message, f.resource, f.file, f.line, f.cluster ?? null]);
  const seen = new Set<string>();
  return sorted.filter((f) => {
    const k = key(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
