import type { Analyzer } from '../context.js';
import { hostMatches, toFqdn } from '../host.js';
import { fullName, type LintResource } from '../resource.js';
import { stringList } from './route-destinations.js';
import { pushTo } from '../group.js';

/** virtualservice.ConflictingMeshGatewayHostsAnalyzer: two mesh-bound VirtualServices for one host. */
export const conflictingMeshGatewayHostsAnalyzer: Analyzer = {
  name: 'virtualservice.ConflictingMeshGatewayHostsAnalyzer',
  analyze(ctx) {
    const byHost = new Map<string, LintResource[]>();
    for (const r of ctx.all('networking.istio.io', 'VirtualService')) {
      const gateways = stringList(r.spec['gateways']);
      if (gateways.length > 0 && !gateways.includes('mesh')) continue;
      const exportTo = stringList(r.spec['exportTo']);
      const scopes =
        exportTo.length === 0 || exportTo.includes('*')
          ? ['*']
          : [...new Set(exportTo.map((e) => (e === '.' ? r.namespace : e)))];
      for (const scope of scopes) {
        for (const h of stringList(r.spec['hosts'])) {
          const key = `${scope}/${toFqdn(r.namespace, h)}`;
          pushTo(byHost, key, r);
        }
      }
    }
    const reported = new Set<string>();
    for (const [key, own] of byHost) {
      const slash = key.indexOf('/');
      const scope = key.slice(0, slash);
      const host = key.slice(slash + 1);
      let list = own;
      if (scope !== '*') {
        for (const [other, rs] of byHost) {
          const os = other.indexOf('/');
          if (other.slice(0, os) === '*' && hostMatches(host, other.slice(os + 1))) list = [...list, ...rs];
        }
      }
      if (list.length < 2) continue;
      const names = list.map(fullName).sort().join(',');
      for (const r of list) {
        if (reported.has(fullName(r))) continue;
        reported.add(fullName(r));
        ctx.report({
          code: 'IST0109',
          resource: r,
          args: [names, key],
          path: ['metadata', 'name'],
          hint: 'merge the VirtualServices for this host into one resource',
        });
      }
    }
  },
};
