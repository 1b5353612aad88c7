import type { Analyzer } from '../context.js';
import { asArray, asJson, asString, fullName, stringMap } from '../resource.js';
import { selectorString, selects } from '../selector.js';
import { stringList } from './route-destinations.js';

type HostsBind = Map<string, string>;

function parseSelector(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const kv = pair.split('=');
    if (kv.length === 2) out[kv[0] ?? ''] = kv[1] ?? '';
  }
  return out;
}

/** model.CheckDuplicates, including its side effect of remembering the hosts when there is no duplicate. */
function hasDuplicates(hosts: readonly string[], bind: string, known: HostsBind): boolean {
  const dup = hosts.some((h) => known.has(h) && known.get(h) === bind);
  if (!dup) for (const h of hosts) known.set(h, bind);
  return dup;
}

/** gateway.ConflictingGatewayAnalyzer: two Gateways with the same selector, port and hosts. */
export const conflictingGatewayAnalyzer: Analyzer = {
  name: 'gateway.ConflictingGatewayAnalyzer',
  analyze(ctx) {
    const gateways = ctx.all('networking.istio.io', 'Gateway');
    const map = new Map<string, Map<string, HostsBind>>();
    const portOf = (server: unknown): string => String(Number(asJson(asJson(server)['port'])['number'] ?? 0));
    for (const gw of gateways) {
      const sel = selectorString(stringMap(gw.spec['selector']));
      for (const server of asArray(gw.spec['servers'])) {
        const key = `${sel}~${portOf(server)}`;
        const byGw = map.get(key) ?? new Map<string, HostsBind>();
        map.set(key, byGw);
        const bind = asString(asJson(server)['bind']);
        byGw.set(fullName(gw), new Map(stringList(asJson(server)['hosts']).map((h) => [h, bind])));
      }
    }
    for (const gw of gateways) {
      const selector = stringMap(gw.spec['selector']);
      const sel = selectorString(selector);
      const hits = new Map<string, Map<string, HostsBind>>();
      for (const [key, value] of map) {
        const [xSel = ''] = key.split('~');
        let matched = sel === xSel;
        if (!matched && (xSel.includes(sel) || sel.includes(xSel))) {
          const x = parseSelector(xSel);
          matched = ctx.all('', 'Pod').some((p) => selects(selector, p.labels) && selects(x, p.labels));
        }
        if (matched) hits.set(key, value);
      }
      if (sel !== '' && hits.size === 0) {
        ctx.report({
          code: 'IST0101',
          resource: gw,
          args: ['selector', sel],
          path: ['spec', 'selector'],
          hint: 'select the labels of a deployed gateway',
        });
        continue;
      }
      asArray(gw.spec['servers']).forEach((server, i) => {
        const port = portOf(server);
        const hosts = stringList(asJson(server)['hosts']);
        const bind = asString(asJson(server)['bind']);
        const conflicting: string[] = [];
        for (const [key, value] of hits) {
          if (key.split('~')[1] !== port) continue;
          for (const [name, known] of value) {
            if (name !== fullName(gw) && hasDuplicates(hosts, bind, known)) conflicting.push(name);
          }
        }
        if (conflicting.length === 0) return;
        ctx.report({
          code: 'IST0145',
          resource: gw,
          args: [conflicting.sort().join(','), sel, port, hosts.join(',')],
          path: ['spec', 'servers', i],
          hint: 'merge the servers into one Gateway or use distinct hosts/ports',
        });
      });
    }
  },
};
