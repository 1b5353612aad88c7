import type { Gateway } from '../../model/istio.js';
import { EASTWEST_SELECTOR, ISTIO_NAMESPACE, MANAGED_BY } from '../../names.js';

/**
 * Istio's `expose-services.yaml`: the east-west gateway passes mTLS through on 15443 (AUTO_PASSTHROUGH,
 * routed by SNI), so the caller's SPIFFE identity reaches the destination sidecar unchanged.
 */
export function crossNetworkGateway(): Gateway {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'cross-network-gateway', namespace: ISTIO_NAMESPACE, labels: { ...MANAGED_BY } },
    spec: {
      selector: { ...EASTWEST_SELECTOR },
      servers: [
        {
          port: { number: 15443, name: 'tls', protocol: 'TLS' },
          tls: { mode: 'AUTO_PASSTHROUGH' },
          hosts: ['*.local'],
        },
      ],
    },
  };
}
