import { requireName, served } from './api-request.js';
import type { ApiContext, ApiRequest, ApiResponse } from './api-request.js';
import type { StoredObject } from './object.js';
import { paginate, parseLimit } from './pagination.js';
import { apiVersionOf } from './resources.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseSelector } from './selector.js';

export function getObject(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const object = ctx.store.require(request.type, request.info.namespace, requireName(request));
  return { status: 200, body: served(request, object) };
}

/** Objects of the addressed collection that match `labelSelector` and `fieldSelector`. */
export function selectObjects(ctx: ApiContext, request: ApiRequest): StoredObject[] {
  const labels = parseSelector(request.query.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(request.query.get('fieldSelector') ?? undefined);
  return ctx.store
    .list(request.type, request.info.namespace)
    .filter((o) => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o));
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
  const selected = selectObjects(ctx, request);
  const page = paginate(selected, parseLimit(request.query.get('limit')), request.query.get('continue') ?? undefined);
  return { status: 200, body: listDocument(request, page.items, ctx.store.currentRevision(), page) };
}
