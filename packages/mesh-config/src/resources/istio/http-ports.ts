import type { Service, ServicePort } from '@okemesh/topology';

/** Protocols whose traffic Istio routes with `http` rules (HTTPS and TLS are opaque to the sidecar). */
const HTTP_PROTOCOLS: ReadonlySet<ServicePort['protocol']> = new Set(['HTTP', 'HTTP2', 'GRPC']);

/** The service's ports that VirtualService `http` routes apply to, in declaration order. */
export function httpPorts(service: Service): readonly ServicePort[] {
  return service.ports.filter((port) => HTTP_PROTOCOLS.has(port.protocol));
}
