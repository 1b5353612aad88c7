import { FakeKubeError } from './errors.js';

/** What a resource URL addresses, decoded like the API server's RequestInfoFactory. */
export interface ResourceRequest {
  readonly group: string;
  readonly version: string;
  readonly namespace: string | undefined;
  readonly resource: string;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
}

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** Namespace subresources: `namespaces/{name}/status` is the namespace's own subresource. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/**
 * Parses `/api/v1/namespaces/ns/secrets/name` and `/apis/apps/v1/...`; `undefined` for non-resource paths
 * (discovery, /version, /healthz) or paths too short to name a resource.
 */
export function parseResourcePath(pathname: string): ResourceRequest | undefined {
  let parts: string[];
  try {
    parts = pathname
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
  } catch (error) {
    throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', `malformed request path: ${pathname}`, undefined, {
      cause: error,
    });
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1] ?? '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] ?? '';
    version = parts[2] ?? '';
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2] ?? '')) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  if (resource === undefined || rest.length > 3) return undefined;
  return { group, version, namespace, resource, name, subresource };
}

/** The Kubernetes verb of a request. */
export function verbOf(method: string, request: ResourceRequest, watch: boolean): Verb | undefined {
  const single = request.name !== undefined;
  switch (method) {
    case 'GET':
      return single ? 'get' : watch ? 'watch' : 'list';
    case 'POST':
      return single && request.subresource === undefined ? undefined : 'create';
    case 'PUT':
      return single ? 'update' : undefined;
    case 'PATCH':
      return single ? 'patch' : undefined;
    case 'DELETE':
      return single ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
