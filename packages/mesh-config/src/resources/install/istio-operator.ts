import type { IstioOperator } from '../../model/install.js';
import {
  EASTWEST_GATEWAY,
  EASTWEST_SELECTOR,
  INGRESS_GATEWAY,
  INGRESS_SELECTOR,
  ISTIO_NAMESPACE,
  NETWORK_LABEL,
} from '../../names.js';
import type { ClusterContext } from '../context.js';
import { eastWestLbAnnotations, eastWestSourceRanges, INGRESS_LB_ANNOTATIONS } from './load-balancer.js';
import {
  GATEWAY_PDB,
  ISTIOD_SELECTOR,
  MAX_REPLICAS,
  MIN_REPLICAS,
  spreadAffinity,
} from './high-availability.js';
import { globalValues, meshConfig } from './mesh-values.js';

/** Replicas, HPA floor, PodDisruptionBudget and zone spread for a gateway component (`k8s` settings). */
function gatewayAvailability(selector: Readonly<Record<string, string>>) {
  return {
    replicaCount: MIN_REPLICAS,
    hpaSpec: { minReplicas: MIN_REPLICAS, maxReplicas: MAX_REPLICAS },
    podDisruptionBudget: { ...GATEWAY_PDB },
    affinity: spreadAffinity(selector),
  };
}

/**
 * Control plane + ingress gateway for `istioctl install -f`. Client-side only: the in-cluster operator
 * and its CRD are gone since Istio 1.24, so this file is never listed in a kustomization. istiod and the
 * gateways run at least two replicas, spread over zones (see high-availability.ts).
 */
export function controlPlaneOperator(ctx: ClusterContext): IstioOperator {
  const revision = ctx.topology.spec.mesh.istio.revision;
  return {
    apiVersion: 'install.istio.io/v1alpha1',
    kind: 'IstioOperator',
    metadata: { name: 'control-plane', namespace: ISTIO_NAMESPACE },
    spec: {
      profile: 'default',
      ...(revision === undefined ? {} : { revision }),
      meshConfig: meshConfig(ctx),
      components: {
        pilot: { k8s: { affinity: spreadAffinity(ISTIOD_SELECTOR) } },
        ingressGateways: [
          {
            name: INGRESS_GATEWAY,
            enabled: true,
            label: { ...INGRESS_SELECTOR, app: INGRESS_GATEWAY },
            k8s: {
              ...gatewayAvailability(INGRESS_SELECTOR),
              serviceAnnotations: { ...INGRESS_LB_ANNOTATIONS },
            },
          },
        ],
      },
      values: {
        global: globalValues(ctx),
        pilot: { replicaCount: MIN_REPLICAS, autoscaleMin: MIN_REPLICAS, autoscaleMax: MAX_REPLICAS },
      },
    },
  };
}

/**
 * The east-west gateway, as Istio's `gen-eastwest-gateway.sh --network <net>` writes it: a second
 * `istioctl install -f` with profile `empty`. Labels `istio: eastwestgateway` + the network label,
 * `ISTIO_META_REQUESTED_NETWORK_VIEW`, ports 15021 (health) and 15443 (mTLS passthrough); 15012/15017
 * are only for primary-remote and stay closed.
 */
export function eastWestGatewayOperator(ctx: ClusterContext): IstioOperator {
  const { network } = ctx.cluster;
  const revision = ctx.topology.spec.mesh.istio.revision;
  return {
    apiVersion: 'install.istio.io/v1alpha1',
    kind: 'IstioOperator',
    metadata: { name: 'eastwest', namespace: ISTIO_NAMESPACE },
    spec: {
      profile: 'empty',
      ...(revision === undefined ? {} : { revision }),
      components: {
        ingressGateways: [
          {
            name: EASTWEST_GATEWAY,
            enabled: true,
            label: { ...EASTWEST_SELECTOR, app: EASTWEST_GATEWAY, [NETWORK_LABEL]: network },
            k8s: {
              ...gatewayAvailability(EASTWEST_SELECTOR),
              env: [{ name: 'ISTIO_META_REQUESTED_NETWORK_VIEW', value: network }],
              serviceAnnotations: { ...eastWestLbAnnotations(ctx) },
              service: {
                type: 'LoadBalancer',
                loadBalancerSourceRanges: eastWestSourceRanges(ctx),
                ports: [
                  { name: 'status-port', port: 15021, targetPort: 15021 },
                  { name: 'tls', port: 15443, targetPort: 15443 },
                ],
              },
            },
          },
        ],
      },
      values: { gateways: { [INGRESS_GATEWAY]: { injectionTemplate: 'gateway' } }, global: { network } },
    },
  };
}
