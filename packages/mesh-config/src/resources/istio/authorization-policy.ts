import type { Service } from '@okemesh/topology';
import type { AuthorizationPolicy } from '../../model/istio.js';
import { ISTIO_NAMESPACE, MANAGED_BY } from '../../names.js';
import type { MeshContext } from '../context.js';

/** Service accounts of the ingress gateway: istioctl's and the Helm `gateway` chart's naming. */
const INGRESS_SERVICE_ACCOUNTS = ['istio-ingressgateway', 'istio-ingressgateway-service-account'] as const;

/**
 * ALLOW policy for one service's workloads (selected by the conventional `app: <name>` label):
 * callers from any namespace that hosts mesh services, plus the ingress gateway when a public route
 * points at the service. Principals are `<trustDomain>/ns/<ns>/sa/<sa>` (no `spiffe://`); the cluster is
 * not part of the identity, so one policy admits callers from every cluster, and AUTO_PASSTHROUGH keeps
 * the caller's identity across networks.
 */
export function authorizationPolicy(ctx: MeshContext, service: Service): AuthorizationPolicy {
  const { trustDomain } = ctx.topology.spec.mesh;
  const namespaces = [...new Set(ctx.topology.spec.services.map((s) => s.namespace))].sort();
  const principals = namespaces.map((ns) => `${trustDomain}/ns/${ns}/sa/*`);
  const routed = ctx.topology.spec.ingress?.routes.some((route) => route.service === service.name) ?? false;
  if (routed) {
    principals.push(...INGRESS_SERVICE_ACCOUNTS.map((sa) => `${trustDomain}/ns/${ISTIO_NAMESPACE}/sa/${sa}`));
  }
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: service.name, namespace: service.namespace, labels: { ...MANAGED_BY } },
    spec: {
      selector: { matchLabels: { app: service.name } },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals } }] }],
    },
  };
}
