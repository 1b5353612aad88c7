import {
  EASTWEST_GATEWAY,
  EASTWEST_SELECTOR,
  INGRESS_GATEWAY,
  INGRESS_SELECTOR,
  ISTIO_NAMESPACE,
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

/** Helm values files: the same install as the IstioOperator, for the `base`, `istiod` and `gateway` charts. */

function revisionValue(ctx: ClusterContext): { revision?: string } {
  const revision = ctx.topology.spec.mesh.istio.revision;
  return revision === undefined ? {} : { revision };
}

/** `istio/base`: CRDs and the reader ServiceAccount; the default revision points the validating webhook. */
export function baseValues(ctx: ClusterContext) {
  const revision = ctx.topology.spec.mesh.istio.revision;
  const global = { istioNamespace: ISTIO_NAMESPACE };
  return revision === undefined ? { global } : { defaultRevision: revision, global };
}

/** Replicas, HPA floor, PodDisruptionBudget and zone spread for a gateway release (`istio/gateway` keys). */
function gatewayAvailability(selector: Readonly<Record<string, string>>) {
  return {
    replicaCount: MIN_REPLICAS,
    autoscaling: { enabled: true, minReplicas: MIN_REPLICAS, maxReplicas: MAX_REPLICAS },
    podDisruptionBudget: { ...GATEWAY_PDB },
    affinity: spreadAffinity(selector),
  };
}

/**
 * `istio/istiod`: the multicluster identifiers under `global`, the trust domain under `meshConfig`; at least
 * two replicas (`autoscaleMin`), spread over zones. The chart's PodDisruptionBudget is on by default
 * (`global.defaultPodDisruptionBudget`).
 */
export function istiodValues(ctx: ClusterContext) {
  return {
    ...revisionValue(ctx),
    replicaCount: MIN_REPLICAS,
    autoscaleMin: MIN_REPLICAS,
    autoscaleMax: MAX_REPLICAS,
    affinity: spreadAffinity(ISTIOD_SELECTOR),
    global: globalValues(ctx),
    meshConfig: meshConfig(ctx),
  };
}

/**
 * `istio/gateway` as the east-west gateway: `networkGateway` adds the network label, the requested
 * network view and the 15021/15443 ports; the release name gives the `istio: eastwestgateway` selector.
 */
export function eastWestGatewayValues(ctx: ClusterContext) {
  return {
    ...revisionValue(ctx),
    name: EASTWEST_GATEWAY,
    networkGateway: ctx.cluster.network,
    ...gatewayAvailability(EASTWEST_SELECTOR),
    service: {
      type: 'LoadBalancer',
      annotations: { ...eastWestLbAnnotations(ctx) },
      loadBalancerSourceRanges: eastWestSourceRanges(ctx),
    },
  };
}

/** `istio/gateway` as the public ingress gateway (`istio: ingressgateway`). */
export function ingressGatewayValues(ctx: ClusterContext) {
  return {
    ...revisionValue(ctx),
    name: INGRESS_GATEWAY,
    ...gatewayAvailability(INGRESS_SELECTOR),
    service: { type: 'LoadBalancer', annotations: { ...INGRESS_LB_ANNOTATIONS } },
  };
}
