import type { AnalysisContext, Analyzer } from '../context.js';
import { asArray, asJson, asString, stringMap, type LintResource } from '../resource.js';
import { selectorString, selects } from '../selector.js';

function inMesh(ctx: AnalysisContext, pod: LintResource): boolean {
  const containers = [...asArray(pod.spec['containers']), ...asArray(pod.spec['initContainers'])].map(asJson);
  if (containers.some((c) => c['name'] === 'istio-proxy' && asString(c['image']) !== '')) return true;
  const inject = pod.labels['sidecar.istio.io/inject'] ?? pod.annotations['sidecar.istio.io/inject'];
  if (inject !== undefined) return inject === 'true';
  const ns = ctx.find('', 'Namespace', '', pod.namespace);
  return ns ? ns.labels['istio-injection'] === 'enabled' : false;
}

function namespaceMatch(ns: string, exp: string): boolean {
  if (exp === '*') return true;
  if (exp.startsWith('*')) return ns.endsWith(exp.slice(1));
  if (exp.endsWith('*')) return ns.startsWith(exp.slice(0, -1));
  return ns.toLowerCase() === exp.toLowerCase();
}

/** auth.AuthorizationPoliciesAnalyzer: selectors match mesh workloads, referenced namespaces exist. */
export const authorizationPoliciesAnalyzer: Analyzer = {
  name: 'authz.AuthorizationPoliciesAnalyzer',
  analyze(ctx) {
    const podLabels = new Map<string, Record<string, string>[]>();
    for (const pod of ctx.all('', 'Pod')) {
      const list = podLabels.get(pod.namespace) ?? [];
      podLabels.set(pod.namespace, list);
      if (inMesh(ctx, pod)) list.push({ ...pod.labels });
      if (pod.annotations['ambient.istio.io/redirection'] === 'enabled') list.push({ ...pod.labels });
    }
    const root = asString(ctx.facts.meshConfig['rootNamespace']) || 'istio-system';
    const namespaces = ctx.all('', 'Namespace').map((n) => n.name);
    for (const ap of ctx.all('security.istio.io', 'AuthorizationPolicy')) {
      const hasSelector = ap.spec['selector'] !== undefined && ap.spec['selector'] !== null;
      const selector = stringMap(asJson(ap.spec['selector'])['matchLabels']);
      const noWorkloads = (labels: string): void =>
        ctx.report({
          code: 'IST0127',
          resource: ap,
          args: [labels],
          path: ['spec', 'selector'],
          hint: 'make the selector match labels of pods in the mesh',
        });
      if (ap.namespace === root) {
        if (hasSelector && ![...podLabels.values()].some((l) => l.some((x) => selects(selector, x))))
          noWorkloads(selectorString(selector));
      } else if (!hasSelector) {
        if ((podLabels.get(ap.namespace) ?? []).length === 0) noWorkloads('');
      } else if (!(podLabels.get(ap.namespace) ?? []).some((x) => selects(selector, x)))
        noWorkloads(selectorString(selector));

      asArray(ap.spec['rules']).forEach((rule, i) => {
        asArray(asJson(rule)['from']).forEach((from, j) => {
          const source = asJson(asJson(from)['source']);
          const lists = [
            ['namespaces', asArray(source['namespaces']).map(asString)],
            ['notNamespaces', asArray(source['notNamespaces']).map(asString)],
          ] as const;
          for (const [field, list] of lists) {
            list.forEach((ns, k) => {
              if (namespaces.some((n) => namespaceMatch(n, ns))) return;
              ctx.report({
                code: 'IST0101',
                resource: ap,
                args: ['namespace', ns],
                path: ['spec', 'rules', i, 'from', j, 'source', field, k],
                hint: `create namespace ${ns} or fix the reference`,
              });
            });
          }
        });
      });
    }
  },
};
