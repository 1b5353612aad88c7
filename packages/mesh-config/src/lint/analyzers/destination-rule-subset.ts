import type { Analyzer } from '../context.js';
import { buildServiceRegistry, lookupHost } from '../host.js';
import { asArray, asJson, asString, stringMap, type LintResource } from '../resource.js';
import { selects } from '../selector.js';
import { stringList } from './route-destinations.js';

/** Pod labels plus the topology labels istiod adds (locality from the node, hostname). */
function augmentedLabels(
  pod: LintResource,
  nodes: ReadonlyMap<string, Record<string, string>>,
): Record<string, string> {
  const out = { ...pod.labels };
  const nodeName = asString(pod.spec['nodeName']);
  const node = nodes.get(nodeName);
  if (node) {
    const region = node['topology.kubernetes.io/region'] ?? '';
    const zone = node['topology.kubernetes.io/zone'] ?? '';
    const subzone = node['topology.istio.io/subzone'] ?? '';
    const locality = [region, zone, subzone].join('/').replace(/\/+$/, '');
    const [r = '', z = '', s = ''] = locality.split('/');
    if (r) out['topology.kubernetes.io/region'] = r;
    if (z) out['topology.kubernetes.io/zone'] = z;
    if (s) out['topology.istio.io/subzone'] = s;
  }
  if (nodeName) out['kubernetes.io/hostname'] = nodeName;
  return out;
}

/** destinationrule.SubsetSelectPodAnalyzer: the host exists (IST0174) and every subset selects a pod (IST0173). */
export const subsetSelectPodAnalyzer: Analyzer = {
  name: 'destinationrule.PodNotSelectedAnalyzer',
  analyze(ctx) {
    const registry = buildServiceRegistry(ctx);
    const nodes = new Map(ctx.all('', 'Node').map((n) => [n.name, n.labels] as const));
    const pods = ctx.all('', 'Pod').map((p) => augmentedLabels(p, nodes));
    for (const dr of ctx.all('networking.istio.io', 'DestinationRule')) {
      const host = asString(dr.spec['host']);
      const entry = lookupHost(registry, dr.namespace, stringList(dr.spec['exportTo']), host);
      if (!entry) {
        ctx.report({
          code: 'IST0174',
          resource: dr,
          args: [host],
          path: ['spec', 'host'],
          hint: 'use the exact FQDN of an existing service (a wildcard *.x only matches subdomains of x)',
        });
        continue;
      }
      const workloadLabels =
        entry.resource.kind === 'ServiceEntry'
          ? stringMap(asJson(entry.resource.spec['workloadSelector'])['labels'])
          : {};
      asArray(dr.spec['subsets']).forEach((s, i) => {
        const subset = asJson(s);
        const selector = { ...workloadLabels, ...stringMap(subset['labels']) };
        if (pods.some((labels) => selects(selector, labels))) return;
        ctx.report({
          code: 'IST0173',
          resource: dr,
          args: [asString(subset['name'])],
          path: ['spec', 'subsets', i, 'labels'],
          hint: 'make the subset labels match the labels of running pods',
        });
      });
    }
  },
};
