import { isDryRun, parseJsonBody, requireName } from './api-request.js';
import type { ApiContext, ApiRequest, ApiResponse } from './api-request.js';
import { FakeKubeError } from './errors.js';
import { readPath } from './object.js';

/**
 * POST `pods/{name}/eviction` (what `kubectl drain` uses): deletes the pod and answers a 201 Success Status.
 * PodDisruptionBudgets are not modelled, so an eviction is never refused with 429.
 */
export function handleEviction(ctx: ApiContext, request: ApiRequest): ApiResponse {
  if (request.method !== 'POST') {
    throw new FakeKubeError('FAKE_KUBE_METHOD_NOT_ALLOWED', 'the server does not allow this method on the requested resource (pods/eviction)');
  }
  const name = requireName(request);
  const body = parseJsonBody(request.body);
  const bodyName = readPath(body, 'metadata.name');
  if (typeof bodyName === 'string' && bodyName !== name) {
    throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', `name in URL does not match name in Eviction object`);
  }
  const dryRun = isDryRun(request.query, readPath(body, 'deleteOptions'));
  ctx.store.delete(request.type, request.info.namespace, name, { dryRun });
  return { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
}
