import type { AnalysisContext, Analyzer } from '../context.js';
import { buildServiceRegistry, lookupHost, type RegistryEntry } from '../host.js';
import { asArray, asJson, fullName, type LintResource } from '../resource.js';
import {
  mirrorDestinations,
  routeDestinations,
  stringList,
  type RouteDestination,
} from './route-destinations.js';
import { pushTo } from '../group.js';

function checkPorts(ctx: AnalysisContext, r: LintResource, d: RouteDestination, entry: RegistryEntry): void {
  const port = asJson(d.destination['port']);
  if (d.destination['port'] === undefined) {
    if (entry.ports.length > 1) {
      ctx.report({
        code: 'IST0112',
        resource: r,
        args: [d.host, entry.ports.map((p) => p.number)],
        path: d.path,
        hint: `set destination.port.number to one of ${entry.ports.map((p) => p.number).join(', ')}`,
      });
    }
    return;
  }
  const number = Number(port['number'] ?? 0);
  if (!entry.ports.some((p) => p.number === number)) {
    ctx.report({
      code: 'IST0101',
      resource: r,
      args: ['host:port', `${d.host}:${number}`],
      path: d.path,
      hint: `use a port the service exposes (${entry.ports.map((p) => p.number).join(', ') || 'none'})`,
    });
  }
}

/** Subset destinations a VirtualService routes to for its own hosts. */
function subsetDestinations(ctx: AnalysisContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of ctx.all('networking.istio.io', 'VirtualService')) {
    const hosts = stringList(r.spec['hosts']);
    for (const http of asArray(r.spec['http'])) {
      for (const route of asArray(asJson(http)['route'])) {
        const d = asJson(asJson(route)['destination']);
        if (!d['subset']) continue;
        for (const h of hosts) if (d['host'] === h) pushTo(out, fullName(r), h);
      }
    }
  }
  return out;
}

/** virtualservice.DestinationHostAnalyzer: route/mirror hosts exist, ports resolve, gateway routes vs subsets. */
export const destinationHostAnalyzer: Analyzer = {
  name: 'virtualservice.DestinationHostAnalyzer',
  analyze(ctx) {
    const registry = buildServiceRegistry(ctx);
    const withSubsets = subsetDestinations(ctx);
    for (const r of ctx.all('networking.istio.io', 'VirtualService')) {
      const exportTo = stringList(r.spec['exportTo']);
      for (const [list, reftype] of [
        [routeDestinations(r.spec), 'host'],
        [mirrorDestinations(r.spec), 'mirror host'],
      ] as const) {
        for (const d of list) {
          const entry = lookupHost(registry, r.namespace, exportTo, d.host);
          if (!entry) {
            ctx.report({
              code: 'IST0101',
              resource: r,
              args: [reftype, d.host],
              path: d.path,
              hint: 'route to an existing Service or ServiceEntry host (<svc>.<ns>.svc.cluster.local; there are no per-cluster hostnames)',
            });
            continue;
          }
          checkPorts(ctx, r, d, entry);
        }
      }
      if (stringList(r.spec['gateways']).length === 0) continue;
      asArray(r.spec['http']).forEach((http, i) => {
        asArray(asJson(http)['route']).forEach((route, j) => {
          const d = asJson(asJson(route)['destination']);
          if (d['subset']) return;
          for (const [vs, hosts] of withSubsets) {
            for (const h of hosts) {
              if (h !== d['host']) continue;
              ctx.report({
                code: 'IST0140',
                resource: r,
                args: [vs, fullName(r)],
                path: ['spec', 'http', i, 'route', j, 'destination', 'host'],
                hint: 'bind the subset routing VirtualService to the gateway too, or route to the subset here',
              });
            }
          }
        });
      });
    }
  },
};
