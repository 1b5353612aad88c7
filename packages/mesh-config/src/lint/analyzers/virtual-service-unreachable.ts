import type { AnalysisContext } from '../context.js';
import { asArray, asJson, asString, isJson, type Json, type LintResource } from '../resource.js';

/** JSON with sorted keys, so equal matches compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJson(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const routeName = (route: Json, n: number): string =>
  route['name'] ? JSON.stringify(route['name']) : `#${n}`;
const matchName = (match: Json, n: number): string =>
  match['name'] ? JSON.stringify(match['name']) : `#${n}`;

function exactOrPrefix(value: unknown): string {
  const v = asJson(value);
  if (asString(v['exact'])) return `exact:${asString(v['exact'])}`;
  if (asString(v['prefix'])) return `prefix:${asString(v['prefix'])}`;
  return '';
}

interface PrefixMatch {
  readonly route: string;
  readonly match: string;
  readonly prefix: string;
  readonly port: unknown;
  readonly method: string;
  readonly authority: string;
  readonly maps: readonly Record<string, string>[];
}

function prefixMatch(route: string, match: Json, n: number): PrefixMatch | undefined {
  const prefix = asString(asJson(match['uri'])['prefix']);
  if (!prefix) return undefined;
  const mapOf = (v: unknown) =>
    Object.fromEntries(Object.entries(asJson(v)).map(([k, x]) => [k, exactOrPrefix(x)]));
  return {
    route,
    match: matchName(match, n),
    prefix,
    port: match['port'],
    method: exactOrPrefix(match['method']) || 'exact:GET',
    authority: exactOrPrefix(match['authority']),
    maps: [mapOf(match['headers']), mapOf(match['queryParams']), mapOf(match['withoutHeaders'])],
  };
}

function covered(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix) || b.port !== a.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  return a.maps.every((ma, i) => {
    const mb = b.maps[i] ?? {};
    if (Object.keys(ma).length !== Object.keys(mb).length) return false;
    return Object.entries(ma).every(([k, v]) => k in mb && (v === mb[k] || v.startsWith(mb[k] ?? '')));
  });
}

/** Istio's analyzeUnreachable{HTTP,TCP,TLS}Rules: IST0130 unreachable rules, IST0131 ineffective matches. */
export function analyzeUnreachableRules(ctx: AnalysisContext, vs: LintResource): void {
  const unreachable = (rule: string, reason: string, path: readonly (string | number)[]) =>
    ctx.report({
      code: 'IST0130',
      resource: vs,
      args: [rule, reason],
      path,
      hint: 'reorder or remove the rule: an earlier rule already catches its traffic',
    });
  const ineffective = (rule: string, match: string, dup: string, path: readonly (string | number)[]) =>
    ctx.report({
      code: 'IST0131',
      resource: vs,
      args: [rule, match, dup],
      path,
      hint: 'remove the duplicate match or make it more specific than the earlier one',
    });
  for (const kind of ['http', 'tcp', 'tls'] as const) {
    const routes = asArray(vs.spec[kind]).map(asJson);
    const seen = new Map<string, number>();
    let empty = -1;
    const prefixes: PrefixMatch[] = [];
    routes.forEach((route, n) => {
      const name = kind === 'http' ? routeName(route, n) : `#${n}`;
      const path = ['spec', kind, n];
      const matches = asArray(route['match']).map(asJson);
      if (matches.length === 0) {
        if (empty >= 0) unreachable(name, 'only the last rule can have no matches', path);
        empty = n;
        return;
      }
      let duplicates = 0;
      matches.forEach((match, m) => {
        if (empty >= 0) {
          unreachable(name, 'route without matches defined before', path);
          return;
        }
        const key = canonical(kind === 'http' ? { ...match, name: undefined } : match);
        const dup = seen.get(key);
        if (dup !== undefined) {
          const dupRoute = routes[dup] ?? {};
          ineffective(
            name,
            kind === 'http' ? matchName(match, m) : `#${m}`,
            kind === 'http' ? routeName(dupRoute, dup) : `#${dup}`,
            [...path, 'match', m],
          );
          duplicates += 1;
          return;
        }
        seen.set(key, n);
        if (kind === 'http') {
          const p = prefixMatch(name, match, m);
          if (p) prefixes.push(p);
        }
      });
      if (duplicates === matches.length) unreachable(name, 'all matches used by prior rules', path);
    });
    prefixes.forEach((a, i) => {
      for (const b of prefixes.slice(i + 1)) {
        if (b.prefix === a.prefix || !covered(a, b)) continue;
        ineffective(
          b.route,
          `${b.match} of prefix ${b.prefix}`,
          `${a.match} of prefix ${a.prefix} on ${a.route}`,
          ['spec', 'http'],
        );
      }
    });
  }
}
