import type { KubeObject } from '../model/kube-object.js';
import { sortObjects } from '../model/identity.js';
import type { ClusterContext } from '../resources/context.js';
import { istioSystemNamespace, monitoringNamespace, workloadNamespace } from '../resources/core/namespace.js';
import { readerServiceAccount, readerTokenSecret } from '../resources/core/remote-secret-reader.js';
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
 * Everything kubectl/Argo CD applies to one cluster, in apply order. Istio config is per primary
 * (istiod reads VirtualServices, DestinationRules, policies only from its own cluster), so every
 * cluster gets the same traffic and security objects.
 */
export function clusterObjects(ctx: ClusterContext): KubeObject[] {
  const { services, ingress } = ctx.topology.spec;
  const namespaces = [...new Set(services.map((s) => s.namespace))].filter(
    (ns) => ns !== 'istio-system' && ns !== ctx.options.monitoringNamespace,
  );
  const objects: KubeObject[] = [
    istioSystemNamespace(ctx),
    ...namespaces.map((ns) => workloadNamespace(ctx, ns)),
    monitoringNamespace(ctx),
    readerServiceAccount(),
    readerTokenSecret(),
    crossNetworkGateway(),
    meshPeerAuthentication(),
    ...services.flatMap((service) => {
      const vs = virtualService(service);
      return [destinationRule(ctx, service), ...(vs ? [vs] : []), authorizationPolicy(ctx, service)];
    }),
    ...(ingress ? [ingressGateway(ingress), ingressVirtualService(ingress, services)] : []),
    prometheusRule(ctx),
    federationSecret(ctx),
    grafanaDashboardConfigMap(ctx),
  ];
  return sortObjects(objects);
}
