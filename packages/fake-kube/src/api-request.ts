import { FakeKubeError } from './errors.js';
import { isRecord } from './object.js';
import type { KubeObject, StoredObject } from './object.js';
import type { ResourceRequest } from './request-info.js';
import { apiVersionOf } from './resources.js';
import type { ResourceType } from './resources.js';
import type { ResourceRegistry } from './resource-registry.js';
import type { ObjectStore } from './store.js';

/** One decoded resource request, ready for a verb handler. */
export interface ApiRequest {
  readonly method: string;
  readonly info: ResourceRequest;
  readonly type: ResourceType;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly contentType: string | undefined;
}

/** What a verb handler answers: HTTP status, JSON body, and `Warning` header texts. */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly warnings?: readonly string[];
}

/** Issues ServiceAccount tokens the server then accepts as bearer tokens. */
export interface TokenIssuer {
  issue(request: {
    readonly namespace: string;
    readonly serviceAccount: string;
    readonly uid: string;
    readonly audiences: readonly string[];
    readonly expirationSeconds: number;
    readonly register: boolean;
  }): string;
}

export interface ApiContext {
  readonly store: ObjectStore;
  readonly tokens: TokenIssuer;
  readonly resources: ResourceRegistry;
}

/** `dryRun=All` (query) → true; absent → false; anything else is rejected like the real server. */
export function isDryRun(query: URLSearchParams, body?: unknown): boolean {
  const values = query.getAll('dryRun');
  if (isRecord(body) && Array.isArray(body['dryRun'])) values.push(...body['dryRun'].map(String));
  for (const value of values) {
    if (value !== 'All')
      throw new FakeKubeError(
        'FAKE_KUBE_BAD_REQUEST',
        `Invalid dryRun value: "${value}": supported values are "All"`,
      );
  }
  return values.length > 0;
}

export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new FakeKubeError(
      'FAKE_KUBE_BAD_REQUEST',
      `error decoding request body: ${(error as Error).message}`,
      undefined,
      { cause: error },
    );
  }
}

/** Decodes the body of a create/update into an object of the addressed kind. */
export function objectBody(request: ApiRequest): KubeObject {
  const parsed = parseJsonBody(request.body);
  if (!isRecord(parsed))
    throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', 'request body must be a JSON object');
  const object = parsed as KubeObject;
  const { type, info } = request;
  if (object.kind !== undefined && object.kind !== type.kind) {
    throw new FakeKubeError(
      'FAKE_KUBE_BAD_REQUEST',
      `the API version in the data (${String(object.apiVersion)}) and kind (${String(object.kind)}) do not match the resource ${type.resource}`,
    );
  }
  const metadata = isRecord(object.metadata) ? { ...object.metadata } : {};
  if (type.namespaced) {
    if (
      metadata.namespace !== undefined &&
      metadata.namespace !== '' &&
      metadata.namespace !== info.namespace
    ) {
      throw new FakeKubeError(
        'FAKE_KUBE_BAD_REQUEST',
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    if (info.namespace !== undefined) metadata.namespace = info.namespace;
  } else {
    delete metadata.namespace;
  }
  return { ...object, apiVersion: apiVersionOf(info.group, info.version), kind: type.kind, metadata };
}

/** An object as served at the requested version. */
export function served(request: ApiRequest, object: StoredObject): StoredObject {
  return { ...object, apiVersion: apiVersionOf(request.info.group, request.info.version) };
}

export function requireName(request: ApiRequest): string {
  const name = request.info.name;
  if (name === undefined)
    throw new FakeKubeError('FAKE_KUBE_METHOD_NOT_ALLOWED', 'a resource name is required');
  return name;
}
