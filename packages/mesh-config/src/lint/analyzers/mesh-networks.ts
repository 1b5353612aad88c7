import type { Analyzer } from '../context.js';
import { asArray, asJson, asString, stringMap, type LintResource } from '../resource.js';

/** The synthetic resource istioctl reports meshNetworks findings on. */
export const meshNetworksOrigin = {
  kind: 'MeshNetworks',
  name: 'meshnetworks',
  declaredNamespace: 'istio-system',
} as const;

/** multicluster.MeshNetworksAnalyzer: every `fromRegistry` names a known cluster (remote-secret key or built-in registry). */
export const meshNetworksAnalyzer: Analyzer = {
  name: 'multicluster.MeshNetworksAnalyzer',
  analyze(ctx) {
    const meshNetworks = ctx.facts.meshNetworks;
    if (!meshNetworks) return;
    const registries = new Set(['Mock', 'Kubernetes', 'External']);
    for (const secret of ctx.all('', 'Secret')) {
      if (secret.labels['istio/multiCluster'] !== 'true') continue;
      for (const key of [
        ...Object.keys(stringMap(secret.object['data'])),
        ...Object.keys(stringMap(secret.object['stringData'])),
      ])
        registries.add(key);
    }
    const origin: LintResource = ctx.meshNetworksResource();
    for (const [network, value] of Object.entries(asJson(meshNetworks['networks']))) {
      asArray(asJson(value)['endpoints']).forEach((e, j) => {
        const from = asJson(e)['fromRegistry'];
        if (from === undefined || registries.has(asString(from))) return;
        ctx.report({
          code: 'IST0126',
          resource: origin,
          args: [asString(from), network],
          path: ['networks', network, 'endpoints', j, 'fromRegistry'],
          hint: 'fromRegistry must be a cluster ID (a remote-secret data key or the local clusterName)',
        });
      });
    }
  },
};
