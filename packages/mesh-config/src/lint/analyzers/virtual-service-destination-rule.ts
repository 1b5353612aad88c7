import type { Analyzer } from '../context.js';
import { resourceNameFromHost } from '../host.js';
import { asArray, asJson, asString } from '../resource.js';
import { mirrorDestinations, routeDestinations } from './route-destinations.js';

/** virtualservice.DestinationRuleAnalyzer: every routed subset is defined by a DestinationRule for that host. */
export const destinationRuleAnalyzer: Analyzer = {
  name: 'virtualservice.DestinationRuleAnalyzer',
  analyze(ctx) {
    const known = new Set<string>();
    for (const dr of ctx.all('networking.istio.io', 'DestinationRule')) {
      const host = resourceNameFromHost(dr.namespace, asString(dr.spec['host']));
      for (const s of asArray(dr.spec['subsets'])) known.add(`${host}+${asString(asJson(s)['name'])}`);
    }
    for (const r of ctx.all('networking.istio.io', 'VirtualService')) {
      for (const [list, reftype] of [
        [routeDestinations(r.spec), 'host+subset in destinationrule'],
        [mirrorDestinations(r.spec), 'mirror+subset in destinationrule'],
      ] as const) {
        for (const d of list) {
          if (!d.subset || known.has(`${resourceNameFromHost(r.namespace, d.host)}+${d.subset}`)) continue;
          ctx.report({
            code: 'IST0101',
            resource: r,
            args: [reftype, `${d.host}+${d.subset}`],
            path: [...d.path.slice(0, -1), 'subset'],
            hint: `define subset "${d.subset}" in the DestinationRule for ${d.host}`,
          });
        }
      }
    }
  },
};
