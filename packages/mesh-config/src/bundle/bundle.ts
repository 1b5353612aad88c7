import type { KubeObject } from '../model/kube-object.js';

/** One file of the rendered bundle; `path` is relative to the output directory and uses `/`. */
export interface BundleFile {
  readonly path: string;
  readonly content: string;
}

/** How an object reaches the cluster: kustomize/kubectl/Argo CD, `istioctl install -f`, or only documented. */
export type AppliedWith = 'kustomize' | 'istioctl';

/** A rendered object and where it went. `cluster` is absent for global objects (the ApplicationSet). */
export interface BundleObject {
  readonly path: string;
  readonly cluster?: string;
  readonly appliedWith: AppliedWith;
  readonly object: KubeObject;
}

/** The whole render: files to write and the objects they contain. Deterministic for a given input. */
export interface Bundle {
  readonly files: readonly BundleFile[];
  readonly objects: readonly BundleObject[];
}

/** `DestinationRule` → `destination-rule`. */
export function kebabKind(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** File name of a single-object manifest: `<kind>.<namespace>.<name>.yaml` (no namespace when cluster-scoped). */
export function manifestFileName(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return `${kebabKind(object.kind)}.${namespace === undefined ? '' : `${namespace}.`}${name}.yaml`;
}
