import type { Analyzer } from '../context.js';
import { asJson, fullName, stringMap, type LintResource } from '../resource.js';
import { selectorString, selects } from '../selector.js';
import { pushTo } from '../group.js';

const ambientPod = (pod: LintResource | undefined): boolean =>
  pod?.annotations['ambient.istio.io/redirection'] === 'enabled';

function ambientNamespace(ns: LintResource | undefined): boolean {
  if (!ns) return false;
  if (ns.labels['istio-injection'] === 'enabled') return false;
  if (ns.labels['istio.io/rev']) return false;
  return ns.labels['istio.io/dataplane-mode'] === 'ambient';
}

const names = (list: readonly LintResource[]): string[] => list.map((r) => r.name).sort();

/** sidecar.SelectorAnalyzer: selectors match pods, no two Sidecars select one pod or share a namespace without selectors. */
export const sidecarSelectorAnalyzer: Analyzer = {
  name: 'sidecar.SelectorAnalyzer',
  analyze(ctx) {
    const podsToSidecars = new Map<LintResource, LintResource[]>();
    const namespaceWide = new Map<string, LintResource[]>();
    for (const sc of ctx.all('networking.istio.io', 'Sidecar')) {
      const selector = stringMap(asJson(sc.spec['workloadSelector'])['labels']);
      if (Object.keys(selector).length === 0) {
        pushTo(namespaceWide, sc.namespace, sc);
        continue;
      }
      let found = false;
      for (const pod of ctx.all('', 'Pod')) {
        if (pod.namespace !== sc.namespace || !selects(selector, pod.labels)) continue;
        found = true;
        pushTo(podsToSidecars, pod, sc);
      }
      if (!found) {
        ctx.report({
          code: 'IST0101',
          resource: sc,
          args: ['selector', selectorString(selector)],
          path: ['spec', 'workloadSelector'],
          hint: 'make workloadSelector.labels match pods in the Sidecar namespace',
        });
      }
    }
    const reported = new Set<string>();
    const ineffective = (sc: LintResource, reason: string): void => {
      if (reported.has(fullName(sc))) return;
      reported.add(fullName(sc));
      ctx.report({
        code: 'IST0167',
        resource: sc,
        args: [reason],
        hint: 'remove the Sidecar: ambient workloads have no sidecar',
      });
    };
    for (const [pod, list] of podsToSidecars) {
      if (list.length === 1 && !ambientPod(pod)) continue;
      for (const sc of list) {
        if (ambientPod(pod)) {
          ineffective(sc, 'selected workload is in ambient mode, the policy has no impact');
          continue;
        }
        ctx.report({
          code: 'IST0110',
          resource: sc,
          args: [names(list), pod.namespace, pod.name],
          path: ['spec', 'workloadSelector'],
          hint: 'make the Sidecars select disjoint pods',
        });
      }
    }
    for (const [ns, list] of namespaceWide) {
      if (ambientNamespace(ctx.find('', 'Namespace', '', ns))) {
        for (const sc of list) ineffective(sc, 'namespace is in ambient mode, the policy has no impact');
        continue;
      }
      if (list.length < 2) continue;
      for (const sc of list)
        ctx.report({
          code: 'IST0111',
          resource: sc,
          args: [names(list), ns],
          hint: 'keep one selector-less Sidecar per namespace',
        });
    }
  },
};
