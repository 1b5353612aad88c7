import type { LintDocument } from './lint.js';
import { asArray, isJson, toResource, type LintResource } from './resource.js';

function helmValues(doc: LintDocument): LintResource | undefined {
  if (!isJson(doc.value) || !/\.values\.ya?ml$/.test(doc.file)) return undefined;
  const name = doc.file.slice(doc.file.lastIndexOf('/') + 1);
  return {
    apiVersion: 'helm/values',
    group: 'helm',
    kind: 'HelmValues',
    name,
    declaredNamespace: undefined,
    namespace: 'istio-system',
    labels: {},
    annotations: {},
    object: doc.value,
    spec: {},
    file: doc.file,
    cluster: doc.cluster,
    locate: doc.locate,
  };
}

/**
 * The resources of one document: a Kubernetes object, the items of a `List`, or Helm values (`*.values.yaml`).
 * `namespace` is given to namespaced objects that have none.
 */
export function resourcesOf(doc: LintDocument, namespace?: string): LintResource[] {
  const value = doc.value;
  if (isJson(value) && value['kind'] === 'List' && Array.isArray(value['items'])) {
    return asArray(value['items']).flatMap((item, i) => {
      const r = toResource(
        { file: doc.file, value: item, locate: (path) => doc.locate(['items', i, ...path]) },
        doc.cluster,
        namespace,
        doc.namespace,
      );
      return r ? [r] : [];
    });
  }
  const r =
    toResource(doc, doc.cluster, namespace, doc.namespace) ??
    (isJson(value) && value['kind'] === undefined ? helmValues(doc) : undefined);
  return r ? [r] : [];
}
