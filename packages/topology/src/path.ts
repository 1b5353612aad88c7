/** A path into a document: object keys and array indices. */
export type DocPath = readonly (string | number)[];

/** `['spec', 'clusters', 1, 'vcn', 'cidr']` → `spec.clusters[1].vcn.cidr`. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
