import type { SourcePosition } from '../parse.js';
import type { LintResource } from './resource.js';

const where = (): SourcePosition => ({ line: 1, column: 1 });

function synthetic(kind: string, name: string, labels: Record<string, string>, spec: Record<string, unknown>): LintResource {
  return {
    apiVersion: 'v1',
    group: '',
    kind,
    name,
    declaredNamespace: 'istio-system',
    namespace: 'istio-system',
    labels,
    annotations: {},
    object: { apiVersion: 'v1', kind, metadata: { name, namespace: 'istio-system', labels }, spec },
    spec,
    file: '(istioctl default resources)',
    cluster: undefined,
    locate: where,
  };
}

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
  return [
    synthetic('Pod', `${ingressService}-dummypod`, selector, { containers: [{ name: 'istio-proxy' }] }),
    synthetic('Service', ingressService, {}, { ports, selector }),
  ];
}
