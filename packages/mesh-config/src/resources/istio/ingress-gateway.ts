import type { Ingress } from '@okemesh/topology';
import type { Gateway } from '../../model/istio.js';
import { INGRESS_SELECTOR, ISTIO_NAMESPACE, MANAGED_BY } from '../../names.js';

export const INGRESS_GATEWAY_NAME = 'ingress';

/**
 * The public ingress: HTTPS with the certificate from the topology's `kubernetes.io/tls` Secret, and
 * HTTP redirected to HTTPS the Istio way (`tls.httpsRedirect: true`, a 301) — there is no
 * `redirectPort` field. Selects the ingress gateway pods this bundle installs (`istio: ingressgateway`).
 */
export function ingressGateway(ingress: Ingress): Gateway {
  const hosts = [...ingress.hosts];
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: INGRESS_GATEWAY_NAME, namespace: ISTIO_NAMESPACE, labels: { ...MANAGED_BY } },
    spec: {
      selector: { ...INGRESS_SELECTOR },
      servers: [
        { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts, tls: { httpsRedirect: true } },
        {
          port: { number: 443, name: 'https', protocol: 'HTTPS' },
          hosts,
          tls: { mode: 'SIMPLE', credentialName: ingress.tlsSecret, minProtocolVersion: 'TLSV1_2' },
        },
      ],
    },
  };
}
