import { isDryRun, objectBody, parseJsonBody, requireName, served } from './api-request.js';
import type { ApiContext, ApiRequest, ApiResponse } from './api-request.js';
import { FakeKubeError } from './errors.js';
import { applyPatch, parsePatchBody, patchTypeOf } from './merge-patch.js';
import { isRecord, kubeTimestamp, readPath } from './object.js';
import type { KubeObject, StoredObject } from './object.js';
import { selectorText } from './selector.js';

function notAllowed(request: ApiRequest): FakeKubeError {
  return new FakeKubeError(
    'FAKE_KUBE_METHOD_NOT_ALLOWED',
    `the server does not allow this method on the requested resource (${request.method} ${request.type.resource}/${request.info.subresource ?? ''})`,
  );
}

/** The `autoscaling/v1 Scale` view of a workload. */
export function scaleOf(object: StoredObject): Record<string, unknown> {
  const matchLabels = readPath(object, 'spec.selector.matchLabels');
  const replicas = readPath(object, 'spec.replicas');
  const statusReplicas = readPath(object, 'status.replicas');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    },
    spec: { replicas: typeof replicas === 'number' ? replicas : 0 },
    status: {
      replicas: typeof statusReplicas === 'number' ? statusReplicas : 0,
      ...(isRecord(matchLabels) ? { selector: selectorText(matchLabels as Record<string, string>) } : {}),
    },
  };
}

function writeScale(
  ctx: ApiContext,
  request: ApiRequest,
  current: StoredObject,
  scale: unknown,
  dryRun: boolean,
): ApiResponse {
  const replicas = readPath(scale, 'spec.replicas');
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new FakeKubeError(
      'FAKE_KUBE_INVALID',
      `Scale.autoscaling "${current.metadata.name}" is invalid: spec.replicas: Invalid value: must be a non-negative integer`,
      {
        name: current.metadata.name,
        group: 'autoscaling',
        kind: 'Scale',
        causes: [
          { reason: 'FieldValueInvalid', message: 'must be a non-negative integer', field: 'spec.replicas' },
        ],
      },
    );
  }
  const resourceVersion = readPath(scale, 'metadata.resourceVersion');
  const next: KubeObject = {
    ...current,
    metadata: {
      ...current.metadata,
      resourceVersion: typeof resourceVersion === 'string' ? resourceVersion : '',
    },
    spec: { ...(isRecord(current['spec']) ? current['spec'] : {}), replicas },
  };
  const stored = ctx.store.update(request.type, next, { dryRun });
  return { status: 200, body: scaleOf(stored) };
}

/** GET/PUT/PATCH `…/deployments/{name}/scale` (also statefulsets and replicasets). */
export function handleScale(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const current = ctx.store.require(request.type, request.info.namespace, requireName(request));
  switch (request.method) {
    case 'GET':
      return { status: 200, body: scaleOf(current) };
    case 'PUT':
      return writeScale(ctx, request, current, parseJsonBody(request.body), isDryRun(request.query));
    case 'PATCH': {
      const type = patchTypeOf(request.contentType, request.type.custom);
      const patched = applyPatch(type, scaleOf(current), parsePatchBody(type, request.body));
      return writeScale(ctx, request, current, patched, isDryRun(request.query));
    }
    default:
      throw notAllowed(request);
  }
}

/** GET/PUT/PATCH `…/{name}/status`: only `.status` changes; spec edits are ignored as on a real server. */
export function handleStatus(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const current = ctx.store.require(request.type, request.info.namespace, requireName(request));
  let next: KubeObject;
  switch (request.method) {
    case 'GET':
      return { status: 200, body: served(request, current) };
    case 'PUT':
      next = objectBody(request);
      break;
    case 'PATCH': {
      const type = patchTypeOf(request.contentType, request.type.custom);
      next = applyPatch(type, current, parsePatchBody(type, request.body), request.type.custom) as KubeObject;
      break;
    }
    default:
      throw notAllowed(request);
  }
  const resourceVersion = next.metadata?.resourceVersion;
  const stored = ctx.store.update(
    request.type,
    {
      ...current,
      metadata: { ...current.metadata, resourceVersion: resourceVersion ?? '' },
      status: next['status'],
    },
    { dryRun: isDryRun(request.query) },
  );
  return { status: 200, body: served(request, stored) };
}

const DEFAULT_EXPIRATION = 3600;

/** POST `serviceaccounts/{name}/token`: a TokenRequest answered with a signed token the fake accepts. */
export function handleToken(ctx: ApiContext, request: ApiRequest): ApiResponse {
  if (request.method !== 'POST') throw notAllowed(request);
  const name = requireName(request);
  const namespace = request.info.namespace ?? '';
  const account = ctx.store.require(request.type, namespace, name);
  const body = parseJsonBody(request.body);
  const audiences = readPath(body, 'spec.audiences');
  const expiration = readPath(body, 'spec.expirationSeconds');
  const expirationSeconds = typeof expiration === 'number' ? expiration : DEFAULT_EXPIRATION;
  if (expirationSeconds < 600) {
    throw new FakeKubeError(
      'FAKE_KUBE_INVALID',
      'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: may not specify a duration less than 10 minutes',
    );
  }
  const dryRun = isDryRun(request.query);
  const audienceList = Array.isArray(audiences) ? audiences.map(String) : ['https://kubernetes.default.svc'];
  const token = ctx.tokens.issue({
    namespace,
    serviceAccount: name,
    uid: account.metadata.uid,
    audiences: audienceList,
    expirationSeconds,
    register: !dryRun,
  });
  const now = new Date();
  return {
    status: 201,
    body: {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name, namespace, creationTimestamp: kubeTimestamp(now) },
      spec: {
        audiences: audienceList,
        expirationSeconds,
        boundObjectRef: readPath(body, 'spec.boundObjectRef') ?? null,
      },
      status: {
        token,
        expirationTimestamp: kubeTimestamp(new Date(now.getTime() + expirationSeconds * 1000)),
      },
    },
  };
}
