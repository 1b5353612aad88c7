/** Where a cross-region ingress rule applies: the subnets (or NSG) of the east-west gateway LB, or of the API endpoint. */
export type IngressTarget = 'east-west-gateway' | 'api-endpoint';

export interface IstioPort {
  readonly port: number;
  readonly protocol: 'TCP';
  readonly target: IngressTarget;
  readonly why: string;
}

/**
 * Exactly what multi-primary, multi-network Istio needs from the remote VCN, and nothing wider. Sources are the
 * remote VCN CIDR (VCN-native pods and nodes both live in it).
 */
export const ISTIO_CROSS_REGION_PORTS: readonly IstioPort[] = [
  {
    port: 15443,
    protocol: 'TCP',
    target: 'east-west-gateway',
    why: 'east-west gateway (AUTO_PASSTHROUGH mTLS): every cross-network request between the clusters enters here',
  },
  {
    port: 6443,
    protocol: 'TCP',
    target: 'api-endpoint',
    why: "Kubernetes API (private endpoint): the remote istiod watches this cluster's Services and Endpoints through its remote secret",
  },
];

/** Ports deliberately not opened, with the reason (printed by `okemesh network plan`). */
export const ISTIO_PORTS_NOT_OPENED: readonly { readonly port: number; readonly why: string }[] = [
  {
    port: 15012,
    why: 'istiod xDS/CA through the east-west gateway: only primary-remote needs it, okemesh runs multi-primary',
  },
  { port: 15017, why: 'istiod webhook through the east-west gateway: primary-remote only' },
  {
    port: 15021,
    why: 'gateway status port: probed by the local load balancer, never from the remote region',
  },
];
