/** Every way the Kubernetes adapter fails, as a closed union (checked by `code` across packages). */
export type KubeErrorCode =
  /** No kubeconfig file exists where one was looked for, or it cannot be read or parsed. */
  | 'KUBE_CONFIG_NOT_FOUND'
  /** The kubeconfig has no such context, or the context names no cluster. */
  | 'KUBE_CONTEXT_NOT_FOUND'
  /** The kubeconfig turns off API-server certificate checks (insecure-skip-tls-verify). */
  | 'KUBE_CONFIG_UNSAFE'
  /** The API server refused or failed a call, or answered with something that is not a Kubernetes object. */
  | 'KUBE_API_FAILED';

const BRAND = Symbol.for('okemesh.error');

export class KubeError extends Error {
  readonly code: KubeErrorCode;
  /** HTTP status of a failed API call. */
  readonly status: number | undefined;
  readonly [BRAND] = true;

  constructor(code: KubeErrorCode, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KubeError';
    this.code = code;
    this.status = options.status;
  }
}

export function isKubeError(value: unknown): value is KubeError {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'KubeError';
}

/** HTTP status of an API error (client-node ApiException `code`, or a KubeError's status), or undefined. */
export function statusOf(error: unknown): number | undefined {
  if (isKubeError(error)) return error.status;
  const e = error as { code?: unknown; statusCode?: unknown } | null;
  if (typeof e?.code === 'number') return e.code;
  return typeof e?.statusCode === 'number' ? e.statusCode : undefined;
}

/**
 * The one mapping of a failed API call: names the cluster and the call, gives the HTTP status, and never echoes
 * the response body (a TokenRequest or Secret body holds credentials).
 */
export function apiFailure(cluster: string, what: string, error: unknown): KubeError {
  if (isKubeError(error)) return error;
  const status = statusOf(error);
  const reason =
    status === undefined ? (error instanceof Error ? error.message : String(error)) : `HTTP ${status}`;
  return new KubeError('KUBE_API_FAILED', `${cluster}: ${what} failed (${reason})`, {
    ...(status === undefined ? { cause: error } : { status }),
  });
}
