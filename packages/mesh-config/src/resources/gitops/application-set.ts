import type { Topology } from '@okemesh/topology';
import type { ApplicationSet } from '../../model/gitops.js';
import { MANAGED_BY } from '../../names.js';
import type { ResolvedRenderOptions } from '../context.js';

/**
 * One Argo CD Application per cluster, each syncing `clusters/<name>` of the bundle to the Argo CD
 * cluster registered under the Istio cluster name. Server-side apply gives strict field validation.
 * The install/ directories are not synced: istioctl or Helm own the control plane.
 * `preserveResourcesOnDeletion`: when a cluster leaves mesh.yaml its Application goes away without the
 * cascade delete of everything it synced; shared objects also carry `Prune=false,Delete=false`.
 */
export function applicationSet(topology: Topology, options: ResolvedRenderOptions): ApplicationSet {
  const name = `${topology.metadata.name}-mesh`;
  const prefix = options.repoPath === '' ? '' : `${options.repoPath.replace(/\/+$/, '')}/`;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: 'argocd', labels: { ...MANAGED_BY } },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      syncPolicy: { preserveResourcesOnDeletion: true },
      generators: [
        {
          list: {
            elements: topology.spec.clusters.map((c) => ({
              cluster: c.name,
              region: c.region,
              network: c.network,
            })),
          },
        },
      ],
      template: {
        metadata: {
          name: `${name}-{{.cluster}}`,
          labels: { ...MANAGED_BY, 'okemesh.io/region': '{{.region}}' },
        },
        spec: {
          project: 'default',
          source: {
            repoURL: options.repoURL,
            targetRevision: options.targetRevision,
            path: `${prefix}clusters/{{.cluster}}`,
          },
          destination: { name: '{{.cluster}}' },
          syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['ServerSideApply=true'] },
        },
      },
    },
  };
}
