import { meshSourceCidrs } from '@okemesh/topology/source-cidrs';
import type { ClusterContext } from '../context.js';

/**
 * OCI load-balancer annotations for the two gateway Services (read by the OCI cloud controller in OKE).
 *
 * East-west gateway: a **private OCI Network Load Balancer**. Its traffic comes only from the other
 * clusters' sidecars over the DRG / remote peering connection, so it needs a private IP in the VCN, not a
 * public one. An NLB is a layer-4 pass-through: it leaves the mTLS stream on 15443 untouched (SNI
 * routing and the caller's SPIFFE identity survive), preserves the client address and has no bandwidth
 * shape to size. Firewalling (see `eastWestLbAnnotations`): either the cloud controller manages security
 * lists (`All`) restricted to `loadBalancerSourceRanges` = the peers' VCN CIDRs (without source ranges `All`
 * opens the ports to 0.0.0.0/0), or the NLB joins okemesh's NSG and the controller manages nothing (`None`).
 *
 * Ingress gateway: a public flexible OCI Load Balancer (the internet-facing entry that DNS steering
 * health-checks), with a small bandwidth floor.
 */
const EASTWEST_NLB = {
  'oci.oraclecloud.com/load-balancer-type': 'nlb',
  'oci-network-load-balancer.oraclecloud.com/internal': 'true',
} as const;
const SECURITY_LIST_MODE = 'oci-network-load-balancer.oraclecloud.com/security-list-management-mode';
const NSG_IDS = 'oci.oraclecloud.com/oci-network-security-groups';

/** The east-west NLB annotations for the render's ingress mode (security lists, or NSGs with mode None). */
export function eastWestLbAnnotations(ctx: ClusterContext): Readonly<Record<string, string>> {
  const ingress = ctx.options.eastWestIngress;
  if (ingress.mode === 'security-list') return { ...EASTWEST_NLB, [SECURITY_LIST_MODE]: 'All' };
  return {
    ...EASTWEST_NLB,
    [SECURITY_LIST_MODE]: 'None',
    [NSG_IDS]: (ingress.nsgIds[ctx.cluster.name] ?? []).join(','),
  };
}

/**
 * `loadBalancerSourceRanges` of the east-west Service: every peer's VCN CIDR (and pod CIDRs outside it),
 * the only senders of cross-network traffic. Rendered in both modes (in NSG mode it restates the NSG).
 */
export function eastWestSourceRanges(ctx: ClusterContext): string[] {
  const peers = ctx.topology.spec.clusters.filter((c) => c.name !== ctx.cluster.name);
  return [...new Set(peers.flatMap(meshSourceCidrs))];
}

export const INGRESS_LB_ANNOTATIONS: Readonly<Record<string, string>> = {
  'oci.oraclecloud.com/load-balancer-type': 'lb',
  'service.beta.kubernetes.io/oci-load-balancer-shape': 'flexible',
  'service.beta.kubernetes.io/oci-load-balancer-shape-flex-min': '10',
  'service.beta.kubernetes.io/oci-load-balancer-shape-flex-max': '100',
};

/** The comment rendered above every file that carries the east-west annotations. */
export const EASTWEST_LB_COMMENT = [
  'East-west gateway Service: private OCI Network Load Balancer (oci.oraclecloud.com/load-balancer-type: nlb,',
  'internal: "true"). Cross-cluster traffic arrives over the DRG / remote peering on private IPs only; a layer-4',
  'pass-through NLB keeps the mTLS stream on 15443 intact (SNI routing, caller identity) and needs no shape.',
  'loadBalancerSourceRanges admits only the peer VCN CIDRs (security-list mode All would otherwise open 0.0.0.0/0).',
].join('\n');

/**
 * Why the Helm east-west Service has two more ports than the IstioOperator one. `networkGateway` is the
 * documented way to make an east-west gateway with the istio/gateway chart (network label on Service and
 * pods, ISTIO_META_REQUESTED_NETWORK_VIEW), and the chart then hard-codes 15021, 15443, 15012 and 15017,
 * ignoring `service.ports`. Nothing listens on 15012/15017 (no Gateway exposes istiod in multi-primary), and
 * the source ranges limit every port to the peer VCNs.
 */
export const HELM_EASTWEST_PORTS_COMMENT = [
  "Ports: the chart's networkGateway mode always adds 15012/15017 (primary-remote istiod) next to 15021/15443,",
  'ignoring service.ports; the IstioOperator exposes only 15021/15443. No Gateway exposes istiod, so nothing',
  'listens on 15012/15017, and loadBalancerSourceRanges limits every port to the peer VCNs.',
].join('\n');
