/**
 * High availability for the pieces a failover depends on: the east-west gateway (every cross-region call),
 * the ingress gateway (what DNS steering health-checks) and istiod. Each runs at least two replicas
 * (HPA floor two), keeps one up through voluntary disruptions (node drains, OKE node-pool upgrades) and
 * spreads across availability domains (`topology.kubernetes.io/zone` on OKE nodes), then across nodes.
 * The same numbers go into the Helm values and the IstioOperator files.
 */
export const MIN_REPLICAS = 2;
export const MAX_REPLICAS = 5;

/** PodDisruptionBudget spec for a gateway: with two or more replicas, one may go at a time. */
export const GATEWAY_PDB = { minAvailable: 1 } as const;

/** Topology keys to spread over, most important first (zone = availability domain, then node). */
const SPREAD = [
  { topologyKey: 'topology.kubernetes.io/zone', weight: 100 },
  { topologyKey: 'kubernetes.io/hostname', weight: 50 },
] as const;

/**
 * Preferred pod anti-affinity over zones and nodes for pods matching `selector`. Preferred, not required:
 * a single-AD region or a small node pool still schedules every replica.
 */
export function spreadAffinity(selector: Readonly<Record<string, string>>) {
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: SPREAD.map(({ topologyKey, weight }) => ({
        weight,
        podAffinityTerm: { topologyKey, labelSelector: { matchLabels: { ...selector } } },
      })),
    },
  } as const;
}

/** The istiod pods' label in both install paths. */
export const ISTIOD_SELECTOR = { app: 'istiod' } as const;
