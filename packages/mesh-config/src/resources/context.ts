import type { Cluster, Topology } from '@okemesh/topology';
import { MeshConfigError } from '../errors.js';
import type { BundleFile } from '../bundle/bundle.js';
import type { KubeObject } from '../model/kube-object.js';

/**
 * How the east-west gateway's OCI Network Load Balancer is firewalled.
 * - `security-list`: the cloud controller manages security-list rules (`security-list-management-mode:
 *   All`), admitting only the Service's `loadBalancerSourceRanges` (the peers' VCN CIDRs).
 * - `nsg`: the NLB joins the given network security groups (the `okemesh network` NSG holds the rules)
 *   and the cloud controller manages no security list (`None`).
 */
export type EastWestIngress =
  | { readonly mode: 'security-list' }
  | { readonly mode: 'nsg'; readonly nsgIds: Readonly<Record<string, readonly string[]>> };

/**
 * Render the ingress TLS Secret as an External Secrets Operator `ExternalSecret` from OCI Vault (the same
 * ClusterSecretStore `okemesh certs` uses), instead of leaving it to a manual RUNBOOK step.
 */
export interface IngressTlsExternalSecret {
  /** Default `okemesh-oci-vault`. */
  readonly storeName?: string;
  readonly storeKind?: 'ClusterSecretStore' | 'SecretStore';
  /** OCI Vault secret names; default `<tlsSecret>-crt` and `<tlsSecret>-key`. */
  readonly certKey?: string;
  readonly keyKey?: string;
}

/** Choices that are not part of the topology: where GitOps and federation point. */
export interface RenderOptions {
  /** East-west NLB firewalling; default `security-list`. */
  readonly eastWestIngress?: EastWestIngress;
  /** Render the ingress TLS Secret as an ExternalSecret; default: a RUNBOOK step creates it. */
  readonly ingressTlsExternalSecret?: IngressTlsExternalSecret;
  /** Git repository Argo CD pulls the bundle from. */
  readonly repoURL?: string;
  /** Branch, tag or commit Argo CD tracks. */
  readonly targetRevision?: string;
  /** Directory of the bundle inside that repository (what `okemesh render -o` wrote). */
  readonly repoPath?: string;
  /** Namespace of Prometheus, Grafana and their rules (prometheus-operator). */
  readonly monitoringNamespace?: string;
  /** `host:port` of each cluster's Prometheus, reachable from the other clusters, by cluster name. */
  readonly federationTargets?: Readonly<Record<string, string>>;
  /**
   * Extra manifests per cluster name, added to that cluster's kustomize directory (e.g. the `cacerts`
   * Secret or an ExternalSecret from `@okemesh/certs`). Objects are copied as given.
   */
  readonly extraObjects?: Readonly<Record<string, readonly KubeObject[]>>;
  /** Extra non-manifest files under `global/` (e.g. OCI artifacts from `@okemesh/oci-network/plan`). */
  readonly globalFiles?: readonly BundleFile[];
}

export type ResolvedRenderOptions = Required<
  Omit<RenderOptions, 'federationTargets' | 'extraObjects' | 'globalFiles' | 'ingressTlsExternalSecret'>
> & {
  readonly ingressTlsExternalSecret: IngressTlsExternalSecret | undefined;
  readonly federationTargets: Readonly<Record<string, string>>;
  readonly extraObjects: Readonly<Record<string, readonly KubeObject[]>>;
  readonly globalFiles: readonly BundleFile[];
};

/** What every resource function receives. Pure data: no I/O, clock or environment. */
export interface MeshContext {
  readonly topology: Topology;
  readonly options: ResolvedRenderOptions;
}

/** The context of resources that differ per cluster (network label, install values, federation). */
export interface ClusterContext extends MeshContext {
  readonly cluster: Cluster;
}

export const DEFAULT_REPO_URL = 'https://git.example.com/platform/mesh-config.git';

/** Fills in defaults; the federation target default is a private DNS name per cluster (see README). */
export function resolveOptions(topology: Topology, options: RenderOptions = {}): ResolvedRenderOptions {
  const targets: Record<string, string> = {};
  for (const cluster of topology.spec.clusters) {
    targets[cluster.name] =
      options.federationTargets?.[cluster.name] ??
      `prometheus.${cluster.name}.${topology.spec.mesh.id}.internal:9090`;
  }
  const eastWestIngress = options.eastWestIngress ?? { mode: 'security-list' };
  if (eastWestIngress.mode === 'nsg') {
    const missing = topology.spec.clusters.filter((c) => (eastWestIngress.nsgIds[c.name] ?? []).length === 0);
    if (missing.length > 0)
      throw new MeshConfigError(
        'MESH_RENDER_NSG_MISSING',
        `east-west NSG mode needs an NSG OCID for every cluster; none for ${missing.map((c) => c.name).join(', ')}`,
      );
  }
  return {
    eastWestIngress,
    ingressTlsExternalSecret: options.ingressTlsExternalSecret,
    repoURL: options.repoURL ?? DEFAULT_REPO_URL,
    targetRevision: options.targetRevision ?? 'HEAD',
    repoPath: options.repoPath ?? 'okemesh-out',
    monitoringNamespace: options.monitoringNamespace ?? 'monitoring',
    federationTargets: targets,
    extraObjects: options.extraObjects ?? {},
    globalFiles: options.globalFiles ?? [],
  };
}
