import {
  checkIfMatch,
  local,
  matches,
  paginate,
  requireQuery,
  withEtag,
  type Call,
  type Reply,
  type Route,
} from '../route.js';
import type { Json } from '../store.js';

type Handler = Route['handler'];

/** Reads the resource named by a path's id, throwing the 404 a missing (or, if regional, foreign) one earns. */
export type Reader = (call: Call, id: string) => Json;

/** A resource of this region only: other regions' resources are 404, like real OCI. */
export const regional =
  (kind: string): Reader =>
  (call, id) =>
    local(call, id, kind);

/** A resource looked up in every region (global services: DNS, health checks, IAM, and clusters by OCID). */
export const anyRegion =
  (kind: string): Reader =>
  (call, id) =>
    call.store.get(id, kind);

export interface ListSpec {
  readonly kind: string;
  /** `region`: the calling region's resources; `global`: the `global` pseudo-region's; `all`: every region's. */
  readonly scope: 'region' | 'global' | 'all';
  /** Query parameters that, when given, must equal the same-named field. */
  readonly filters: readonly string[];
  /** Any further filter. */
  readonly where?: (call: Call, item: Json) => boolean;
  /** What a listed item looks like (default: the stored resource). */
  readonly view?: (call: Call, item: Json) => Json;
}

export interface DeleteSpec {
  readonly read: Reader;
  /** Honour `if-match` (412 on a stale etag). */
  readonly ifMatch: boolean;
  /** Lifecycle states the resource walks through before it is gone. */
  readonly states: readonly string[];
  /** Checks (and side effects) after the read and etag check, before the resource is retired. */
  readonly check?: (call: Call, id: string, resource: Json) => void;
}

/** The name of a path's last `{param}`: the id a get/update/delete route acts on. */
function idParam(path: string): string {
  const match = /\{(\w+)\}(?!.*\{)/.exec(path);
  if (!match?.[1]) throw new Error(`route path ${path} has no {id} parameter`);
  return match[1];
}

const scopeRegion = (call: Call, scope: ListSpec['scope']): string | undefined =>
  scope === 'region' ? call.region : scope === 'global' ? 'global' : undefined;

/** Route constructors for one API version, so a route table reads as data. */
export function routeBuilders(version: string) {
  const route =
    (method: Route['method']) =>
    (path: string, operation: string, handler: Handler): Route => ({
      version,
      method,
      path,
      operation,
      handler,
    });
  const byId = (path: string, act: (call: Call, id: string) => Reply): Handler => {
    const param = idParam(path);
    return (call) => act(call, call.params[param] ?? '');
  };
  return {
    get: route('GET'),
    post: route('POST'),
    put: route('PUT'),
    delete: route('DELETE'),
    /** GET one resource by the path's id, with its etag. */
    getOne: (path: string, operation: string, read: Reader): Route =>
      route('GET')(
        path,
        operation,
        byId(path, (call, id) => withEtag(call, id, read(call, id))),
      ),
    /** A paginated list that requires `compartmentId` and filters on the given query parameters. */
    list: (path: string, operation: string, spec: ListSpec): Route =>
      route('GET')(path, operation, (call) => {
        requireQuery(call, 'compartmentId');
        const items = call.store.list(
          spec.kind,
          scopeRegion(call, spec.scope),
          (item) => matches(call, item, spec.filters) && (spec.where?.(call, item) ?? true),
        );
        const view = spec.view;
        return paginate(call, view ? items.map((item) => view(call, item)) : items);
      }),
    /** PUT: read, check `if-match`, apply the patch built from the current resource, answer the result. */
    updateOne: (
      path: string,
      operation: string,
      read: Reader,
      patch: (call: Call, current: Json) => Json,
    ): Route =>
      route('PUT')(
        path,
        operation,
        byId(path, (call, id) => {
          const current = read(call, id);
          checkIfMatch(call, id);
          call.store.update(id, patch(call, current));
          return withEtag(call, id, read(call, id));
        }),
      ),
    /** DELETE: read, optionally check `if-match` and more, retire through `states`, answer 204. */
    deleteOne: (path: string, operation: string, spec: DeleteSpec): Route =>
      route('DELETE')(
        path,
        operation,
        byId(path, (call, id) => {
          const resource = spec.read(call, id);
          if (spec.ifMatch) checkIfMatch(call, id);
          spec.check?.(call, id, resource);
          call.store.retire(id, spec.states);
          return { status: 204 };
        }),
      ),
  };
}

/** How a create operation stores and answers its resource. */
export interface Creation {
  readonly kind: string;
  /** Where it lives (default: the calling region). */
  readonly region?: string;
  /** Lifecycle states it walks through after creation. */
  readonly states: readonly string[];
  /** How the answer reads it back. */
  readonly read: Reader;
  readonly status?: number;
}

/** Inserts a new resource, starts its lifecycle walk and answers it (with its etag) as `read` sees it. */
export function created(call: Call, creation: Creation, id: string, fields: Json): Reply {
  call.store.insert(creation.kind, creation.region ?? call.region, id, fields);
  call.store.walk(id, 'lifecycleState', creation.states);
  return withEtag(call, id, creation.read(call, id), creation.status);
}
