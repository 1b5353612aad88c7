/** Every failure @okemesh/mesh-config reports; checked by `code`, never by `instanceof`. */
export type MeshConfigErrorCode =
  /** The topology cannot be rendered (e.g. it was not produced by parseTopology). */
  | 'MESH_RENDER_INPUT'
  /** East-west NSG mode without an NSG OCID for some cluster. */
  | 'MESH_RENDER_NSG_MISSING'
  /** A generated remote kubeconfig uses an option istiod rejects (exec, tokenFile, key files) or insecure-skip-tls-verify. */
  | 'MESH_LINK_UNSAFE_KUBECONFIG'
  /** A cluster has no istio-system namespace: Istio is not installed there yet. */
  | 'MESH_LINK_ISTIO_MISSING'
  /** No token could be obtained for the reader ServiceAccount. */
  | 'MESH_LINK_TOKEN_UNAVAILABLE'
  /** The lint paths hold no YAML manifest (an empty directory, a path with no *.yaml/*.yml). */
  | 'MESH_LINT_NO_INPUT'
  /** A lint input could not be read or parsed (missing file, YAML syntax error, Helm template source). */
  | 'MESH_LINT_INPUT_UNREADABLE'
  /** A --mesh-config / --mesh-networks file could not be read or is not a MeshConfig / MeshNetworks. */
  | 'MESH_LINT_MESH_FILE_INVALID'
  /** A kustomization could not be built (a missing resource, a patch whose target does not exist). */
  | 'MESH_LINT_KUSTOMIZE_FAILED';

const BRAND = Symbol.for('okemesh.error');

export class MeshConfigError extends Error {
  readonly code: MeshConfigErrorCode;
  readonly [BRAND] = true;

  constructor(code: MeshConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MeshConfigError';
    this.code = code;
  }
}

export function isMeshConfigError(value: unknown): value is MeshConfigError {
  return (
    typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'MeshConfigError'
  );
}
