import type { Service } from '@okemesh/topology';
import type { HttpRoute, VirtualService } from '../../model/istio.js';
import { MANAGED_BY, serviceHost } from '../../names.js';
import { httpPorts } from './http-ports.js';
import { retryPolicy } from './retry-policy.js';

/**
 * In-mesh routing for one service: its single FQDN (there are no per-cluster hostnames; Istio merges
 * same-named services across clusters), the topology's timeout and retries. With several HTTP ports
 * each gets its own rule matched by port, so every destination names its port. Services without an
 * HTTP port get no VirtualService.
 */
export function virtualService(service: Service): VirtualService | undefined {
  const ports = httpPorts(service);
  if (ports.length === 0) return undefined;
  const host = serviceHost(service);
  const policy = retryPolicy(service);
  const single = service.ports.length === 1;
  const http: HttpRoute[] = ports.map((port) => ({
    name: port.name,
    ...(single ? {} : { match: [{ port: port.number }] }),
    route: [{ destination: { host, port: { number: port.number } } }],
    ...policy,
  }));
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: service.name, namespace: service.namespace, labels: { ...MANAGED_BY } },
    spec: { hosts: [host], http },
  };
}
