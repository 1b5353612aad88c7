import type { Finding, Level } from './finding.js';
import { formatTemplate, istioMessages, type MessageArg } from './messages.js';
import type { DeclaredMesh } from './okemesh/declared-mesh.js';
import { originOf, type LintResource } from './resource.js';

export type FieldPath = readonly (string | number)[];

export interface Report {
  readonly code: string;
  readonly resource: LintResource;
  /** Arguments of the istioctl template (IST codes). */
  readonly args?: readonly MessageArg[];
  /** Message for OKM codes (IST messages are built from their template). */
  readonly message?: string;
  readonly level?: Level;
  readonly path?: FieldPath;
  readonly hint: string;
}

/** Options that change what the analyzers assume about the mesh. */
export interface MeshFacts {
  /** meshConfig (parsed), e.g. from `--mesh-config` or the `istio` ConfigMap. */
  readonly meshConfig: Readonly<Record<string, unknown>>;
  /** meshNetworks (parsed), when given. */
  readonly meshNetworks: Readonly<Record<string, unknown>> | undefined;
  /** Where meshNetworks came from (file), for findings about it. */
  readonly meshNetworksFile: string | undefined;
  /** Clock for certificate validity checks. */
  readonly now: Date;
  /** The mesh as the topology declares it (`--topology`). */
  readonly declared: DeclaredMesh | undefined;
  /** The trust domain AuthorizationPolicy principals must use, when known. */
  readonly trustDomain: string | undefined;
  /** Connect timeouts below this many ms are unsafe on cross-network paths. */
  readonly connectTimeoutFloorMs: number;
}

/** What one analyzer sees: the resources of one cluster (or of the whole input) and a sink for findings. */
export class AnalysisContext {
  private readonly byKind = new Map<string, LintResource[]>();
  private readonly findings: Finding[] = [];
  analyzer = '';

  constructor(
    readonly resources: readonly LintResource[],
    readonly facts: MeshFacts,
  ) {
    for (const r of resources) {
      const key = `${r.group}|${r.kind}`;
      const list = this.byKind.get(key);
      if (list) list.push(r);
      else this.byKind.set(key, [r]);
    }
  }

  get now(): Date {
    return this.facts.now;
  }

  /** The synthetic `MeshNetworks istio-system/meshnetworks` resource istioctl reports meshNetworks findings on. */
  meshNetworksResource(): LintResource {
    return {
      apiVersion: 'v1',
      group: '',
      kind: 'MeshNetworks',
      name: 'meshnetworks',
      declaredNamespace: 'istio-system',
      namespace: 'istio-system',
      labels: {},
      annotations: {},
      object: { ...this.facts.meshNetworks },
      spec: {},
      file: this.facts.meshNetworksFile ?? '(meshNetworks)',
      cluster: undefined,
      locate: () => ({ line: 1, column: 1 }),
    };
  }

  /** Resources of a kind; `group` `''` is core Kubernetes. */
  all(group: string, kind: string): readonly LintResource[] {
    return this.byKind.get(`${group}|${kind}`) ?? [];
  }

  find(group: string, kind: string, namespace: string, name: string): LintResource | undefined {
    return this.all(group, kind).find((r) => r.namespace === namespace && r.name === name);
  }

  report(report: Report): void {
    const { resource, code } = report;
    const type = istioMessages[code];
    const message = report.message ?? (type ? formatTemplate(type.template, report.args ?? []) : code);
    const level = report.level ?? type?.level ?? 'Error';
    const line = resource.locate(report.path ?? []).line;
    this.findings.push({
      code,
      level,
      message,
      resource: originOf(resource),
      file: resource.file,
      line,
      hint: report.hint,
      ...(resource.cluster === undefined ? {} : { cluster: resource.cluster }),
      analyzer: this.analyzer,
    });
  }

  results(): readonly Finding[] {
    return this.findings;
  }
}

export interface Analyzer {
  /** istioctl analyzer name (e.g. `virtualservice.GatewayAnalyzer`) or `okemesh.<Rule>`. */
  readonly name: string;
  readonly analyze: (ctx: AnalysisContext) => void;
}

export const istioGroups = {
  networking: 'networking.istio.io',
  security: 'security.istio.io',
} as const;
