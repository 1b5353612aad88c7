import { requireName, served } from './api-request.js';
import type { ApiContext, ApiRequest, ApiResponse } from './api-request.js';
import type { StoredObject } from './object.js';
import { parseLimit } from './pagination.js';
import { apiVersionOf } from './resources.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseSelector } from './selector.js';

export function getObject(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const object = ctx.store.require(request.type, request.info.namespace, requireName(request));
  return { status: 200, body: served(request, object) };
}

/** The label and field selectors of a request as one predicate. */
function selection(request: ApiRequest): (object: StoredObject) => boolean {
  const labels = parseSelector(request.query.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(request.query.get('fieldSelector') ?? undefined);
  return (o) => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o);
}

/** Objects of the addressed collection that match `labelSelector` and `fieldSelector`. */
export function selectObjects(ctx: ApiContext, request: ApiRequest): StoredObject[] {
  return ctx.store.list(request.type, request.info.namespace, selection(request));
}

/** A `<Kind>List` document. */
export function listDocument(
  request: ApiRequest,
  items: readonly StoredObject[],
  resourceVersion: string,
  page?: { readonly continueToken: string | undefined; readonly remainingItemCount: number | undefined },
): Record<string, unknown> {
  return {
    kind: `${request.type.kind}List`,
    apiVersion: apiVersionOf(request.info.group, request.info.version),
    metadata: {
      resourceVersion,
      ...(page?.continueToken === undefined ? {} : { continue: page.continueToken }),
      ...(page?.remainingItemCount === undefined ? {} : { remainingItemCount: page.remainingItemCount }),
    },
    items: items.map((o) => served(request, o)),
  };
}

export function listObjects(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const limit = parseLimit(request.query.get('limit'));
  const page = ctx.store.listPage(
    request.type,
    request.info.namespace,
    selection(request),
    limit,
    request.query.get('continue') ?? undefined,
  );
  return { status: 200, body: listDocument(request, page.items, ctx.store.currentRevision(), page) };
}
