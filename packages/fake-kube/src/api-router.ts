import type { ApiContext, ApiRequest, ApiResponse } from './api-request.js';
import { FakeKubeError } from './errors.js';
import { getObject, listObjects } from './read-verbs.js';
import { verbOf } from './request-info.js';
import { handleEviction } from './eviction.js';
import { handleScale, handleStatus, handleToken } from './subresources.js';
import { createObject, deleteCollection, deleteObject, patchObject, updateObject } from './write-verbs.js';

function methodNotAllowed(request: ApiRequest): FakeKubeError {
  return new FakeKubeError(
    'FAKE_KUBE_METHOD_NOT_ALLOWED',
    `the server does not allow this method on the requested resource (${request.method} ${request.type.resource})`,
  );
}

/**
 * Routes that do not exist on a real server: a cluster-scoped resource under `namespaces/{ns}/`, or anything but
 * list/watch of a namespaced resource without a namespace.
 */
export function checkScope(request: ApiRequest): void {
  const { type, info } = request;
  const crossNamespaceList = request.method === 'GET' && info.name === undefined;
  if (
    (!type.namespaced && info.namespace !== undefined) ||
    (type.namespaced && info.namespace === undefined && !crossNamespaceList)
  ) {
    throw new FakeKubeError(
      'FAKE_KUBE_NOT_FOUND',
      `the server could not find the requested resource (${request.method} ${type.resource})`,
    );
  }
}

/** Dispatches a decoded resource request to its verb or subresource handler. */
export function routeResource(ctx: ApiContext, request: ApiRequest): ApiResponse {
  checkScope(request);
  const sub = request.info.subresource;
  if (sub !== undefined) {
    if (!request.type.subresources.some((s) => s === sub)) {
      throw new FakeKubeError(
        'FAKE_KUBE_NOT_FOUND',
        `the server could not find the requested resource (${request.type.resource}/${sub})`,
      );
    }
    switch (sub) {
      case 'scale':
        return handleScale(ctx, request);
      case 'status':
        return handleStatus(ctx, request);
      case 'eviction':
        return handleEviction(ctx, request);
      default:
        return handleToken(ctx, request);
    }
  }
  switch (verbOf(request.method, request.info, false)) {
    case 'get':
      return getObject(ctx, request);
    case 'list':
    case 'watch':
      return listObjects(ctx, request);
    case 'create':
      return createObject(ctx, request);
    case 'update':
      return updateObject(ctx, request);
    case 'patch':
      return patchObject(ctx, request);
    case 'delete':
      return deleteObject(ctx, request);
    case 'deletecollection':
      return deleteCollection(ctx, request);
    case undefined:
      throw methodNotAllowed(request);
  }
}
