import { DRILL_LABEL, type KubeApi } from './object.js';

const KINDS = [
  { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
] as const;

/**
 * Objects an earlier drill created (labelled `okemesh.io/drill`) that are still there: a crashed drill whose
 * journal was lost. Reported before a new drill starts so they are cleaned up first.
 */
export async function orphanWarnings(api: KubeApi): Promise<string[]> {
  const warnings: string[] = [];
  for (const kind of KINDS) {
    for (const object of await api.list(kind, DRILL_LABEL)) {
      warnings.push(
        `${kind.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name} in ${api.cluster} was left by drill ${object.metadata.labels?.[DRILL_LABEL] ?? '?'}: run okemesh drill recover on its journal, or delete it`,
      );
    }
  }
  return warnings;
}
