import { isDryRun, parseJsonBody, requireName } from './api-request.js';
import type { ApiContext, ApiRequest, ApiResponse } from './api-request.js';
import { FakeKubeError } from './errors.js';
import { violatedBudget } from './disruption-budget.js';
import { readPath } from './object.js';
import { builtin } from './resources.js';

const BUDGETS = builtin('policy', 'v1', 'poddisruptionbudgets');

/**
 * POST `pods/{name}/eviction` (what `kubectl drain` uses): deletes the pod and answers a 201 Success Status,
 * or 429 TooManyRequests when a PodDisruptionBudget would be violated.
 */
export function handleEviction(ctx: ApiContext, request: ApiRequest): ApiResponse {
  if (request.method !== 'POST') {
    throw new FakeKubeError(
      'FAKE_KUBE_METHOD_NOT_ALLOWED',
      'the server does not allow this method on the requested resource (pods/eviction)',
    );
  }
  const name = requireName(request);
  const body = parseJsonBody(request.body);
  const bodyName = readPath(body, 'metadata.name');
  if (typeof bodyName === 'string' && bodyName !== name) {
    throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', `name in URL does not match name in Eviction object`);
  }
  const dryRun = isDryRun(request.query, readPath(body, 'deleteOptions'));
  const namespace = request.info.namespace;
  const pod = ctx.store.require(request.type, namespace, name);
  const budget = violatedBudget(
    pod,
    ctx.store.list(BUDGETS, namespace),
    ctx.store.list(request.type, namespace),
  );
  if (budget !== undefined) {
    throw new FakeKubeError(
      'FAKE_KUBE_TOO_MANY_REQUESTS',
      `Cannot evict pod as it would violate the pod's disruption budget.`,
      {
        causes: [
          {
            reason: 'DisruptionBudget',
            message: `The disruption budget ${budget.metadata.name} does not allow the eviction`,
            field: '',
          },
        ],
      },
    );
  }
  ctx.store.delete(request.type, request.info.namespace, name, { dryRun });
  return {
    status: 201,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 },
  };
}
