import type { KubeObject } from './kube-object.js';

/** kustomize's Kustomization file (`kustomization.yaml`); it has no required metadata. */
export interface Kustomization {
  readonly apiVersion: 'kustomize.config.k8s.io/v1beta1';
  readonly kind: 'Kustomization';
  readonly resources: readonly string[];
}

/** Argo CD ApplicationSet (argoproj.io/v1alpha1), list generator over the clusters. */
export interface ApplicationSet extends KubeObject {
  readonly apiVersion: 'argoproj.io/v1alpha1';
  readonly kind: 'ApplicationSet';
  readonly spec: {
    readonly goTemplate: boolean;
    readonly goTemplateOptions: readonly string[];
    /** ApplicationSet-level policy: keep the synced resources when an Application is deleted. */
    readonly syncPolicy: { readonly preserveResourcesOnDeletion: boolean };
    readonly generators: readonly {
      readonly list: { readonly elements: readonly Readonly<Record<string, string>>[] };
    }[];
    readonly template: {
      readonly metadata: { readonly name: string; readonly labels?: Readonly<Record<string, string>> };
      readonly spec: {
        readonly project: string;
        readonly source: { readonly repoURL: string; readonly targetRevision: string; readonly path: string };
        readonly destination: { readonly name: string };
        readonly syncPolicy: {
          readonly automated: { readonly prune: boolean; readonly selfHeal: boolean };
          readonly syncOptions: readonly string[];
        };
      };
    };
  };
}
