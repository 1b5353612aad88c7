import { MUTATING_METHODS } from './request-info.js';

/** One request as the fake received it. */
export interface RequestLogEntry {
  /** 1-based arrival order. */
  readonly seq: number;
  readonly method: string;
  /** URL path without the query string. */
  readonly path: string;
  /** Query parameters (repeated parameters keep their last value; `dryRun` is also in `dryRun`). */
  readonly query: Readonly<Record<string, string>>;
  /** True when the request carried `dryRun=All`. */
  readonly dryRun: boolean;
  /** POST, PUT, PATCH or DELETE (dry runs included; see `mutatingRequests`). */
  readonly mutating: boolean;
  readonly contentType: string | undefined;
  /** Parsed JSON body, the raw text when it is not JSON, or `undefined` when empty. */
  readonly body: unknown;
  /** HTTP status answered. */
  readonly status: number;
  /** True when the answer came from an injected fault. */
  readonly injected: boolean;
  /** Authenticated user (`system:admin`, `system:serviceaccount:<ns>:<name>`, an `addToken` user); absent when unauthenticated, public or failed by a fault. */
  readonly user: string | undefined;
}

export function parseBodyForLog(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function logEntry(
  seq: number,
  request: {
    readonly method: string;
    readonly url: URL;
    readonly contentType: string | undefined;
    readonly body: string;
    readonly user: string | undefined;
  },
  status: number,
  injected: boolean,
): RequestLogEntry {
  const { method, url, contentType, user } = request;
  const bodyText = request.body;
  const query = Object.fromEntries(url.searchParams.entries());
  const body = parseBodyForLog(bodyText);
  const bodyDryRun =
    typeof body === 'object' && body !== null && Array.isArray((body as { dryRun?: unknown }).dryRun);
  return {
    seq,
    method,
    path: url.pathname,
    query,
    dryRun: url.searchParams.has('dryRun') || bodyDryRun,
    mutating: MUTATING_METHODS.has(method),
    contentType,
    body,
    status,
    injected,
    user,
  };
}
