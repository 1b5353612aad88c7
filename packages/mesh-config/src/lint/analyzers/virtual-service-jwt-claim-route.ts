import type { Analyzer } from '../context.js';
import { asArray, asJson, stringMap, type Json } from '../resource.js';
import { selects } from '../selector.js';
import { stringList } from './route-destinations.js';
import { pushTo } from '../group.js';

function isRoutingClaim(header: string): boolean {
  const prefix = '@request.auth.claims';
  if (!header.toLowerCase().startsWith(prefix)) return false;
  const rest = header.slice(prefix.length);
  return (
    (rest.startsWith('.') && rest.length > 1) ||
    (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2)
  );
}

function claimKey(spec: Json): string {
  for (const http of asArray(spec['http'])) {
    for (const match of asArray(asJson(http)['match'])) {
      const m = asJson(match);
      for (const key of [...Object.keys(asJson(m['headers'])), ...Object.keys(asJson(m['withoutHeaders']))]) {
        if (isRoutingClaim(key)) return key;
      }
    }
  }
  return '';
}

/** virtualservice.JWTClaimRouteAnalyzer: JWT-claim routing needs a RequestAuthentication on the gateway pods. */
export const jwtClaimRouteAnalyzer: Analyzer = {
  name: 'virtualservice.JWTClaimRouteAnalyzer',
  analyze(ctx) {
    const authn = new Map<string, Record<string, string>[]>();
    for (const ra of ctx.all('security.istio.io', 'RequestAuthentication')) {
      pushTo(authn, ra.namespace, stringMap(asJson(ra.spec['selector'])['matchLabels']));
    }
    for (const r of ctx.all('networking.istio.io', 'VirtualService')) {
      const key = claimKey(r.spec);
      if (!key) continue;
      for (const gwName of stringList(r.spec['gateways'])) {
        if (gwName === 'mesh') continue;
        const slash = gwName.indexOf('/');
        const [ns, name] =
          slash < 0 ? [r.namespace, gwName] : [gwName.slice(0, slash), gwName.slice(slash + 1)];
        const gw = ctx.find('networking.istio.io', 'Gateway', ns, name);
        if (!gw) continue;
        const selector = stringMap(gw.spec['selector']);
        for (const pod of ctx.all('', 'Pod')) {
          if (!selects(selector, pod.labels)) continue;
          const selectors = [...(authn.get('istio-system') ?? []), ...(authn.get(pod.namespace) ?? [])];
          if (selectors.some((s) => selects(s, pod.labels))) continue;
          ctx.report({
            code: 'IST0149',
            resource: r,
            args: [key, `${ns}/${name}`, pod.name],
            hint: 'apply a RequestAuthentication that selects the gateway pods',
          });
        }
      }
    }
  },
};
