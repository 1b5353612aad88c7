import { EASTWEST_GATEWAY, INGRESS_GATEWAY, ISTIO_NAMESPACE } from '../../names.js';
import type { ClusterContext } from '../context.js';
import { EASTWEST_LB_ANNOTATIONS, INGRESS_LB_ANNOTATIONS } from './load-balancer.js';
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

/** `istio/istiod`: the multicluster identifiers under `global`, the trust domain under `meshConfig`. */
export function istiodValues(ctx: ClusterContext) {
  return { ...revisionValue(ctx), global: globalValues(ctx), meshConfig: meshConfig(ctx) };
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
    service: { type: 'LoadBalancer', annotations: { ...EASTWEST_LB_ANNOTATIONS } },
  };
}

/** `istio/gateway` as the public ingress gateway (`istio: ingressgateway`). */
export function ingressGatewayValues(ctx: ClusterContext) {
  return {
    ...revisionValue(ctx),
    name: INGRESS_GATEWAY,
    service: { type: 'LoadBalancer', annotations: { ...INGRESS_LB_ANNOTATIONS } },
  };
}
