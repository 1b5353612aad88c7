import { parse } from 'yaml';
import type { MeshFacts } from './context.js';
import type { LintOptions } from './lint.js';
import { asJson, isJson, stringMap, type LintResource } from './resource.js';

function parseEmbedded(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = parse(text);
    return isJson(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** meshConfig/meshNetworks from options, else from the `istio` ConfigMap among the resources. */
export function meshFactsFromResources(resources: readonly LintResource[], options: LintOptions): MeshFacts {
  const cm = resources.find(
    (r) => r.kind === 'ConfigMap' && r.group === '' && r.name === 'istio' && r.namespace === 'istio-system',
  );
  const data = stringMap(asJson(cm?.object['data']));
  return {
    meshConfig: options.meshConfig ?? parseEmbedded(data['mesh']) ?? {},
    meshNetworks: options.meshNetworks ?? parseEmbedded(data['meshNetworks']),
    meshNetworksFile: options.meshNetworks ? options.meshNetworksFile : cm?.file,
    now: options.now ?? new Date(),
    declared: options.mesh,
    trustDomain: options.trustDomain ?? options.mesh?.trustDomain,
    connectTimeoutFloorMs: options.connectTimeoutFloorMs ?? 1000,
  };
}
