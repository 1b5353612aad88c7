import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, invalidParameter, missingParameter, notFound } from './api-error.js';
import type { Json, Store } from './store.js';

/** One decoded API call, after signature verification. */
export interface Call {
  readonly region: string;
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Json;
  readonly headers: IncomingHttpHeaders;
  readonly store: Store;
  readonly pageSize: number;
}

export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  readonly etag?: string;
  readonly nextPage?: string;
}

export interface Route {
  /** API version path segment, e.g. `20160918`. */
  readonly version: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path after the version, with `{param}` placeholders. */
  readonly path: string;
  /** SDK operation name, recorded in the request log. */
  readonly operation: string;
  readonly handler: (call: Call) => Reply;
}

export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = decodeURIComponent(got[index] ?? '');
    if (part.startsWith('{')) params[part.slice(1, -1)] = actual;
    else if (part !== actual) return undefined;
  }
  return params;
}

/** OCI list pagination: `limit` + opaque `page` in, `opc-next-page` out. */
export function paginate(call: Call, items: readonly Json[]): Reply {
  const limit = Number(call.query.get('limit') ?? call.pageSize) || call.pageSize;
  const start = Number(call.query.get('page') ?? '0');
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('page token is invalid');
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? String(start + limit) : undefined;
  return next === undefined ? { body: page } : { body: page, nextPage: next };
}

export function requireQuery(call: Call, name: string): string {
  const value = call.query.get(name);
  if (!value) throw missingParameter(name);
  return value;
}

export function requireString(body: Json, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw missingParameter(name);
  return value;
}

/** 412 NoEtagMatch when the caller's `if-match` differs from the resource's current etag. */
export function checkIfMatch(call: Call, id: string): void {
  const ifMatch = call.headers['if-match'];
  if (typeof ifMatch === 'string' && ifMatch !== call.store.etag(id)) {
    throw new ApiError(
      412,
      'NoEtagMatch',
      `The resource's etag ${call.store.etag(id)} does not match if-match ${ifMatch}`,
    );
  }
}

/** Query filters common to list operations. */
export function matches(call: Call, body: Json, fields: readonly string[]): boolean {
  return fields.every((field) => {
    const wanted = call.query.get(field);
    return wanted === null || body[field] === wanted;
  });
}

export function withEtag(call: Call, id: string, body: Json, status = 200): Reply {
  return { status, body, etag: call.store.etag(id) };
}

/** A regional resource as seen from the calling region: resources of other regions are 404, like real OCI. */
export function local(call: Call, id: string, kind: string): Json {
  const resource = call.store.get(id, kind);
  if (call.store.regionOf(id) !== call.region) throw notFound(`${kind} ${id} in ${call.region}`);
  return resource;
}
