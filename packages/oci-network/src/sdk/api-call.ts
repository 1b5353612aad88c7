import { setTimeout as sleep } from 'node:timers/promises';
import { OciNetworkError } from '../errors.js';

interface SdkError {
  readonly statusCode?: number;
  readonly serviceCode?: string;
  readonly message?: string;
  readonly opcRequestId?: string;
}

/** Runs one SDK call; SDK failures become `OciNetworkError` (OCI_API_ERROR) carrying status, code and request id. */
export async function apiCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OciNetworkError) throw error;
    const e = (error ?? {}) as SdkError;
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    const where = status === undefined ? 'network error' : `${status} ${e.serviceCode ?? ''}`.trim();
    throw new OciNetworkError(
      'OCI_API_ERROR',
      `${operation} failed (${where}): ${e.message ?? String(error)}`,
      {
        cause: error,
        api: {
          ...(status === undefined ? {} : { statusCode: status }),
          ...(e.serviceCode ? { serviceCode: e.serviceCode } : {}),
          ...(e.opcRequestId ? { opcRequestId: e.opcRequestId } : {}),
          operation,
        },
      },
    );
  }
}

export function statusOf(error: unknown): number | undefined {
  return error instanceof OciNetworkError ? error.api?.statusCode : undefined;
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** Follows `opc-next-page` until the last page. */
export async function listAll<T>(
  operation: string,
  page: (token: string | undefined) => Promise<{ items: T[]; opcNextPage?: string }>,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const response = await apiCall(operation, () => page(token));
    out.push(...response.items);
    token = response.opcNextPage;
  } while (token);
  return out;
}

export interface WaitOptions {
  readonly timeoutMs: number;
  /** Longest pause between polls; polling starts at 100 ms (or less) and doubles up to this. */
  readonly intervalMs: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Polls `read` until `done`, with an explicit deadline. `failed` names terminal states (e.g. peering INVALID or
 * REVOKED) that end the wait with an error instead of a timeout.
 */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: WaitOptions,
  failed: (value: T) => string | undefined = () => undefined,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  // Poll fast first (most transitions are quick), then back off to the configured interval.
  let delay = Math.min(options.intervalMs, 100);
  for (;;) {
    const value = await read();
    const failure = failed(value);
    if (failure !== undefined) throw new OciNetworkError('OCI_PEERING_FAILED', `${what}: ${failure}`);
    if (done(value)) return value;
    if (Date.now() >= deadline)
      throw new OciNetworkError(
        'OCI_TIMEOUT',
        `${what}: not done after ${Math.round(options.timeoutMs / 1000)} s`,
      );
    if (options.signal?.aborted) throw new OciNetworkError('OCI_ABORTED', `${what}: aborted`);
    await sleep(delay);
    delay = Math.min(options.intervalMs, delay * 2);
  }
}

/** Waits until `read` returns 404 or a terminal state: the SDK's own waiters reject on that 404 (a known SDK bug). */
export async function waitGone(
  what: string,
  read: () => Promise<{ lifecycleState?: string }>,
  terminal: readonly string[],
  options: WaitOptions,
): Promise<void> {
  await waitUntil(
    what,
    async () => {
      try {
        return (await read()).lifecycleState ?? '';
      } catch (error) {
        if (isNotFound(error)) return 'GONE';
        throw error;
      }
    },
    (state) => state === 'GONE' || terminal.includes(state),
    options,
  );
}
