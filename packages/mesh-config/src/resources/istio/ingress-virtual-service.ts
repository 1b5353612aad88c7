import type { Ingress, Service } from '@okemesh/topology';
import type { HttpRoute, VirtualService } from '../../model/istio.js';
import { ISTIO_NAMESPACE, MANAGED_BY, serviceHost } from '../../names.js';
import { INGRESS_GATEWAY_NAME } from './ingress-gateway.js';
import { retryPolicy } from './retry-policy.js';

/**
 * Routes the public hostnames from the ingress Gateway to the services, longest prefix first so a
 * more specific route is never shadowed. Lives next to the Gateway in istio-system.
 */
export function ingressVirtualService(ingress: Ingress, services: readonly Service[]): VirtualService {
  const byName = new Map(services.map((s) => [s.name, s]));
  const routes = [...ingress.routes].sort((a, b) => b.prefix.length - a.prefix.length);
  const count = (name: string) => routes.filter((route) => route.service === name).length;
  const http = routes.flatMap((route, i): HttpRoute[] => {
    const service = byName.get(route.service);
    if (!service) return [];
    const port = route.port ?? service.ports[0]?.number;
    return [
      {
        name: count(service.name) === 1 ? service.name : `${service.name}-${i + 1}`,
        match: [{ uri: { prefix: route.prefix } }],
        route: [
          {
            destination: {
              host: serviceHost(service),
              ...(port === undefined ? {} : { port: { number: port } }),
            },
          },
        ],
        ...retryPolicy(service),
      },
    ];
  });
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: INGRESS_GATEWAY_NAME, namespace: ISTIO_NAMESPACE, labels: { ...MANAGED_BY } },
    spec: { hosts: [...ingress.hosts], gateways: [INGRESS_GATEWAY_NAME], http },
  };
}
