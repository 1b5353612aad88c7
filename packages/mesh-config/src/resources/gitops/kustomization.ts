import type { Kustomization } from '../../model/gitops.js';

/** A kustomization listing every manifest of one directory, in apply order. */
export function kustomization(resources: readonly string[]): Kustomization {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] };
}
