import type { Analyzer } from '../context.js';
import { asArray, asJson } from '../resource.js';

const removedCrds = new Set(['ClusterRbacConfig', 'RbacConfig', 'ServiceRole', 'ServiceRoleBinding']);

/** deprecation.DeprecationAnalyzer: deprecated fields and removed CRDs. */
export const deprecationAnalyzer: Analyzer = {
  name: 'deprecation.FieldAnalyzer',
  analyze(ctx) {
    for (const vs of ctx.all('networking.istio.io', 'VirtualService')) {
      asArray(vs.spec['http']).forEach((h, i) => {
        const delay = asJson(asJson(asJson(h)['fault'])['delay']);
        if (Number(delay['percent'] ?? 0) > 0) {
          ctx.report({
            code: 'IST0002',
            resource: vs,
            args: ['HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage'],
            path: ['spec', 'http', i, 'fault', 'delay', 'percent'],
            hint: 'use fault.delay.percentage.value',
          });
        }
      });
    }
    for (const sc of ctx.all('networking.istio.io', 'Sidecar')) {
      const policy = asJson(sc.spec['outboundTrafficPolicy']);
      if (policy['egressProxy'] !== undefined && policy['egressProxy'] !== null) {
        ctx.report({
          code: 'IST0002',
          resource: sc,
          args: ['OutboundTrafficPolicy.EgressProxy ignored'],
          path: ['spec', 'outboundTrafficPolicy', 'egressProxy'],
          hint: 'remove outboundTrafficPolicy.egressProxy; route egress through an egress gateway',
        });
      }
    }
    for (const crd of ctx.all('apiextensions.k8s.io', 'CustomResourceDefinition')) {
      const group = crd.spec['group'];
      const kind = asJson(crd.spec['names'])['kind'];
      if (group === 'rbac.istio.io' && typeof kind === 'string' && removedCrds.has(kind)) {
        ctx.report({
          code: 'IST0002',
          resource: crd,
          args: [`Custom resource type rbac.istio.io ${kind} is removed`],
          hint: 'migrate to AuthorizationPolicy and delete the CRD',
        });
      }
    }
  },
};
