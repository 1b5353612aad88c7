import type { Topology } from '@okemesh/topology';

/** What the mesh is declared to contain (from the topology file): lets lint resolve hosts and identities. */
export interface DeclaredMesh {
  readonly meshId?: string;
  readonly trustDomain?: string;
  readonly clusters?: readonly { readonly name: string; readonly network: string }[];
  /** Services deployed by the application teams (not in the bundle): treated as a Service plus an injected workload labelled app=<name>. */
  readonly services?: readonly {
    readonly name: string;
    readonly namespace: string;
    readonly ports: readonly { readonly name: string; readonly number: number }[];
  }[];
  /** Secrets created outside the bundle (the ingress TLS certificate): references to them resolve. */
  readonly secrets?: readonly { readonly name: string; readonly namespace: string }[];
}

/** The lint view of a checked topology (`--topology mesh.yaml`). */
export function declaredMeshFromTopology(topology: Topology): DeclaredMesh {
  const { spec } = topology;
  return {
    meshId: spec.mesh.id,
    trustDomain: spec.mesh.trustDomain,
    clusters: spec.clusters.map((c) => ({ name: c.name, network: c.network })),
    services: spec.services.map((s) => ({
      name: s.name,
      namespace: s.namespace,
      ports: s.ports.map((p) => ({ name: p.name, number: p.number })),
    })),
    secrets: spec.ingress ? [{ name: spec.ingress.tlsSecret, namespace: 'istio-system' }] : [],
  };
}
