import type { KubeObject } from '../model/kube-object.js';
import type { ClusterContext, MeshContext } from '../resources/context.js';
import { istioSystemNamespace, monitoringNamespace, workloadNamespace } from '../resources/core/namespace.js';
import { ingressTlsExternalSecret } from '../resources/core/ingress-tls-secret.js';
import { readerTokenSecret } from '../resources/core/remote-secret-reader.js';
import { authorizationPolicy } from '../resources/istio/authorization-policy.js';
import { crossNetworkGateway } from '../resources/istio/cross-network-gateway.js';
import { destinationRule } from '../resources/istio/destination-rule.js';
import { ingressGateway } from '../resources/istio/ingress-gateway.js';
import { ingressVirtualService } from '../resources/istio/ingress-virtual-service.js';
import { meshPeerAuthentication } from '../resources/istio/peer-authentication.js';
import { virtualService } from '../resources/istio/virtual-service.js';
import { federationSecret } from '../resources/observability/federation.js';
import { grafanaDashboardConfigMap } from '../resources/observability/grafana-dashboard.js';
import { prometheusRule } from '../resources/observability/prometheus-rule.js';

/**
 * Objects identical in every cluster. Istio config is per primary (istiod reads VirtualServices,
 * DestinationRules and policies only from its own cluster), so every cluster gets all of them; they are
 * built (and serialized) once per render.
 */
export function meshObjects(ctx: MeshContext): KubeObject[] {
  const { services, ingress } = ctx.topology.spec;
  const namespaces = [...new Set(services.map((s) => s.namespace))].filter(
    (ns) => ns !== 'istio-system' && ns !== ctx.options.monitoringNamespace,
  );
  return [
    ...namespaces.map((ns) => workloadNamespace(ctx, ns)),
    monitoringNamespace(ctx),
    readerTokenSecret(),
    crossNetworkGateway(),
    meshPeerAuthentication(),
    ...services.flatMap((service) => {
      const vs = virtualService(service);
      return [destinationRule(ctx, service), ...(vs ? [vs] : []), authorizationPolicy(ctx, service)];
    }),
    ...(ingress ? [ingressGateway(ingress), ingressVirtualService(ingress, services)] : []),
    ...(ingress && ctx.options.ingressTlsExternalSecret
      ? [ingressTlsExternalSecret(ingress, ctx.options.ingressTlsExternalSecret)]
      : []),
    prometheusRule(ctx),
    grafanaDashboardConfigMap(ctx),
  ];
}

/** Objects that differ per cluster: the network label on istio-system and the federation targets. */
export function clusterOnlyObjects(ctx: ClusterContext): KubeObject[] {
  return [istioSystemNamespace(ctx), federationSecret(ctx)];
}
