import { asArray, asJson, asString, type LintResource } from './resource.js';
import type { AnalysisContext } from './context.js';

/** Istio's host.Name.Matches: wildcard-aware, either side may be a wildcard. */
export function hostMatches(n: string, o: string): boolean {
  const nw = n.startsWith('*');
  const ow = o.startsWith('*');
  if (nw && ow)
    return n.length < o.length ? o.slice(1).endsWith(n.slice(1)) : n.slice(1).endsWith(o.slice(1));
  if (nw) return o.endsWith(n.slice(1));
  if (ow) return n.endsWith(o.slice(1));
  return n === o;
}

/** Istio's host.Name.SubsetOf. */
export function hostSubsetOf(n: string, o: string): boolean {
  const nw = n.startsWith('*');
  const ow = o.startsWith('*');
  if (nw) return ow && n.length >= o.length && n.slice(1).endsWith(o.slice(1));
  if (ow) return n.endsWith(o.slice(1));
  return n === o;
}

/** Short names become `<name>.<ns>.svc.cluster.local`; wildcards and dotted names are kept. */
export function toFqdn(namespace: string, host: string): string {
  return !host.startsWith('*') && !host.includes('.') ? `${host}.${namespace}.svc.cluster.local` : host;
}

const fqdnPattern = /^(.+)\.(.+)\.svc\.cluster\.local$/;

/** `name.ns.svc.cluster.local` → { namespace, name }; other hosts keep the default namespace and the host as name. */
export function resourceNameFromHost(defaultNamespace: string, host: string): string {
  const m = fqdnPattern.exec(host);
  return m ? `${m[2]}/${m[1]}` : `${defaultNamespace}/${host}`;
}

/** host.NamesForNamespace: keep hosts visible to `namespace`, stripping `ns/` prefixes. */
export function namesForNamespace(hosts: readonly string[], namespace: string): string[] {
  const out: string[] = [];
  for (const h of hosts) {
    const slash = h.indexOf('/');
    if (slash < 0) out.push(h);
    else if (h.slice(0, slash) === namespace || h.slice(0, slash) === '*') out.push(h.slice(slash + 1));
  }
  return out;
}

export interface ServicePort {
  readonly number: number;
  readonly name: string;
  readonly protocol: string;
}

export interface RegistryEntry {
  readonly hosts: readonly string[];
  readonly ports: readonly ServicePort[];
  readonly resource: LintResource;
}

/** `scope/fqdn` → the ServiceEntry or Service behind it (util.InitServiceEntryHostMap). */
export type ServiceRegistry = Map<string, RegistryEntry>;

const scoped = (scope: string, namespace: string, host: string): string =>
  `${scope}/${toFqdn(namespace, host)}`;

export function buildServiceRegistry(ctx: AnalysisContext): ServiceRegistry {
  const out: ServiceRegistry = new Map();
  for (const r of ctx.all('networking.istio.io', 'ServiceEntry')) {
    const hosts = asArray(r.spec['hosts']).map(asString);
    const ports = asArray(r.spec['ports']).map((p) => {
      const port = asJson(p);
      return {
        number: Number(port['number']),
        name: asString(port['name']),
        protocol: asString(port['protocol']),
      };
    });
    const entry = { hosts, ports, resource: r };
    const exportTo = asArray(r.spec['exportTo']).map(asString);
    for (const h of hosts) {
      if (exportTo.length === 0) {
        out.set(scoped('*', r.namespace, h), entry);
        continue;
      }
      for (const ns of exportTo) {
        if (ns === '*') {
          out.set(scoped('*', r.namespace, h), entry);
          break;
        }
        out.set(scoped(ns === '.' ? r.namespace : ns, r.namespace, h), entry);
      }
    }
  }
  for (const r of ctx.all('', 'Service')) {
    const ports = asArray(r.spec['ports']).map((p) => {
      const port = asJson(p);
      return {
        number: Number(port['port']),
        name: asString(port['name']),
        protocol: asString(port['protocol']),
      };
    });
    const entry = { hosts: [toFqdn(r.namespace, r.name)], ports, resource: r };
    const anno = r.annotations['networking.istio.io/exportTo'] ?? '';
    const scopes =
      anno === '' ? ['*'] : anno.split(',').map((s) => (s.trim() === '.' ? r.namespace : s.trim()));
    for (const scope of scopes) out.set(scoped(scope, r.namespace, r.name), entry);
  }
  return out;
}

/** util.GetDestinationHost: the registry entry a destination host resolves to from `sourceNs`. */
export function lookupHost(
  registry: ServiceRegistry,
  sourceNs: string,
  exportTo: readonly string[],
  host: string,
): RegistryEntry | undefined {
  const all = registry.get(scoped('*', sourceNs, host));
  if (all) return all;
  if (exportTo.length === 0) {
    const own = registry.get(scoped(sourceNs, sourceNs, host));
    if (own) return own;
  } else {
    for (const e of exportTo) {
      const hit = registry.get(scoped(e === '.' ? sourceNs : e, sourceNs, host));
      if (hit) return hit;
    }
  }
  for (const [key, entry] of registry) {
    const slash = key.indexOf('/');
    const scope = key.slice(0, slash);
    const seHost = key.slice(slash + 1);
    if (!seHost.startsWith('*')) continue;
    if (scope !== '*' && scope !== sourceNs) continue;
    if (host.replace(/^\*/, '').endsWith(seHost.slice(1))) return entry;
  }
  return undefined;
}
