import type { Analyzer } from '../context.js';
import { asArray, asJson, asString, stringMap } from '../resource.js';
import { selectorString, selects } from '../selector.js';

function targetPortNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return /^\d+$/.test(asString(value)) ? Number(value) : 0;
}

/** gateway.IngressGatewayPortAnalyzer: the selector finds gateway pods and their Services expose every server port. */
export const ingressGatewayPortAnalyzer: Analyzer = {
  name: 'gateway.IngressGatewayPortAnalyzer',
  analyze(ctx) {
    for (const gw of ctx.all('networking.istio.io', 'Gateway')) {
      const selector = stringMap(gw.spec['selector']);
      const servicePorts = new Set<number>();
      const mapping = new Set<number>();
      let matches = 0;
      for (const pod of ctx.all('', 'Pod')) {
        if (!selects(selector, pod.labels)) continue;
        matches += 1;
        for (const svc of ctx.all('', 'Service')) {
          if (svc.namespace !== pod.namespace || !selects(stringMap(svc.spec['selector']), pod.labels))
            continue;
          for (const p of asArray(svc.spec['ports'])) {
            const port = asJson(p);
            if ((asString(port['protocol']) || 'TCP') !== 'TCP') continue;
            const tp = targetPortNumber(port['targetPort']);
            if (tp !== 0) {
              servicePorts.add(tp);
              mapping.add(Number(port['port']));
            } else servicePorts.add(Number(port['port']));
          }
        }
      }
      const sel = selectorString(selector);
      if (matches === 0) {
        ctx.report({
          code: 'IST0101',
          resource: gw,
          args: ['selector', sel],
          path: ['spec', 'selector'],
          hint: 'select the labels of a deployed gateway (e.g. istio: ingressgateway, or istio: eastwestgateway for cross-network)',
        });
        continue;
      }
      asArray(gw.spec['servers']).forEach((s, i) => {
        const port = asJson(s)['port'];
        if (port === undefined || port === null) return;
        const number = Number(asJson(port)['number'] ?? 0);
        if (servicePorts.has(number) || mapping.has(number)) return;
        ctx.report({
          code: 'IST0162',
          resource: gw,
          args: [number, sel],
          path: ['spec', 'servers', i, 'port', 'number'],
          hint: `expose port ${number} on the gateway Service (or listen on a port it exposes)`,
        });
      });
    }
  },
};
