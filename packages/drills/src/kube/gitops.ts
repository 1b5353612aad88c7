import type { KubeApi } from './object.js';

/**
 * Argo CD Applications with automated self-heal that deploy into `namespaces`: they would undo the fault
 * and make the measured RTO fake. Returns one warning per application (empty when Argo CD is absent).
 */
export async function selfHealWarnings(api: KubeApi, namespaces: ReadonlySet<string>): Promise<string[]> {
  const apps = await api.list({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' });
  const warnings: string[] = [];
  for (const app of apps) {
    const spec = app.spec as
      | { syncPolicy?: { automated?: { selfHeal?: boolean } }; destination?: { namespace?: string } }
      | undefined;
    const target = spec?.destination?.namespace;
    if (spec?.syncPolicy?.automated?.selfHeal && (target === undefined || namespaces.has(target))) {
      warnings.push(
        `Argo CD Application ${app.metadata.namespace ?? ''}/${app.metadata.name} self-heals namespace ${target ?? '(any)'} in ${api.cluster}: it will revert the fault; pause auto-sync for the drill`,
      );
    }
  }
  return warnings;
}
