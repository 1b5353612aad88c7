import type { LintResource } from './resource.js';
import { syntheticResource } from './synthetic.js';

/**
 * The resources `istioctl analyze` adds for files-only analysis (AddDefaultResources): the default ingress
 * gateway pod and Service in istio-system, unless meshConfig.ingressControllerMode is OFF.
 */
export function defaultResources(ingressService = 'istio-ingressgateway'): LintResource[] {
  const selector = { istio: 'ingressgateway' };
  const ports = [
    ['http2', 80],
    ['https', 443],
    ['tcp', 31400],
    ['tls', 15443],
  ].map(([name, port]) => ({ name, port, protocol: 'TCP', targetPort: port }));
  const origin = '(istioctl default resources)';
  return [
    syntheticResource(origin, 'Pod', `${ingressService}-dummypod`, 'istio-system', selector, {
      containers: [{ name: 'istio-proxy' }],
    }),
    syntheticResource(origin, 'Service', ingressService, 'istio-system', {}, { ports, selector }),
  ];
}
