/**
 * OCI load-balancer annotations for the two gateway Services (read by the OCI cloud controller in OKE).
 *
 * East-west gateway: a **private OCI Network Load Balancer**. Its traffic comes only from the other
 * clusters' sidecars over the DRG / remote peering connection, so it needs a private IP in the VCN, not a
 * public one. An NLB is a layer-4 pass-through: it leaves the mTLS stream on 15443 untouched (SNI
 * routing and the caller's SPIFFE identity survive), preserves the client address and has no bandwidth
 * shape to size. Security-list management is left to the NLB so the VCN admits 15443/15021 from peers.
 *
 * Ingress gateway: a public flexible OCI Load Balancer (the internet-facing entry that DNS steering
 * health-checks), with a small bandwidth floor.
 */
export const EASTWEST_LB_ANNOTATIONS: Readonly<Record<string, string>> = {
  'oci.oraclecloud.com/load-balancer-type': 'nlb',
  'oci-network-load-balancer.oraclecloud.com/internal': 'true',
  'oci-network-load-balancer.oraclecloud.com/security-list-management-mode': 'All',
};

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
].join('\n');
