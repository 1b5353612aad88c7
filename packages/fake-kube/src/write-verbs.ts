import { isDryRun, objectBody, parseJsonBody, requireName, served } from './api-request.js';
import type { ApiContext, ApiRequest, ApiResponse } from './api-request.js';
import { applyDefaults } from './defaults.js';
import { randomSuffix } from './names.js';
import { FakeKubeError } from './errors.js';
import { applyPatch, parsePatchBody, patchTypeOf } from './merge-patch.js';
import { isRecord, kubeTimestamp } from './object.js';
import type { KubeObject, StoredObject } from './object.js';
import { listDocument, selectObjects } from './read-verbs.js';
import type { ResourceType } from './resources.js';
import { successStatus } from './status.js';
import { checkFields, checkImmutable, parseFieldValidation, validateObject } from './validation.js';

function hasStatusSubresource(type: ResourceType): boolean {
  return type.subresources.includes('status');
}

/** Validation, defaulting and field checks shared by every write path; returns the object and warnings. */
function prepare(
  type: ResourceType,
  object: KubeObject,
  request: ApiRequest,
): { object: KubeObject; warnings: string[] } {
  const warnings = checkFields(
    type,
    object,
    parseFieldValidation(request.query.get('fieldValidation') ?? undefined),
  );
  const defaulted = applyDefaults(type, object);
  validateObject(type, defaulted);
  return { object: defaulted, warnings };
}

/** Creates an object from a decoded body (also the "apply to a missing object" path). */
function createFrom(ctx: ApiContext, request: ApiRequest, input: KubeObject, dryRun: boolean): ApiResponse {
  const { type } = request;
  let object = input;
  const generateName = object.metadata?.generateName;
  if ((object.metadata?.name ?? '') === '' && typeof generateName === 'string' && generateName !== '') {
    object = { ...object, metadata: { ...object.metadata, name: `${generateName}${randomSuffix()}` } };
  }
  if (hasStatusSubresource(type) && type.resource !== 'nodes') {
    const { status: _ignored, ...rest } = object;
    object = rest;
  }
  const prepared = prepare(type, object, request);
  const stored = ctx.store.create(type, prepared.object, { dryRun });
  return { status: 201, body: served(request, stored), warnings: prepared.warnings };
}

export function createObject(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const body = objectBody(request);
  const dryRun = isDryRun(request.query);
  // etcd storage refuses this with a plain error, so the API server answers 500 (dry run skips storage).
  if (!dryRun && (body.metadata?.resourceVersion ?? '') !== '') {
    throw new FakeKubeError(
      'FAKE_KUBE_INTERNAL',
      'Internal error occurred: resourceVersion should not be set on objects to be created',
    );
  }
  return createFrom(ctx, request, body, dryRun);
}

/** Writes `next` over `current` with main-resource semantics: status is owned by the status subresource. */
function replaceWith(
  ctx: ApiContext,
  request: ApiRequest,
  current: StoredObject,
  next: KubeObject,
  dryRun: boolean,
): ApiResponse {
  const { type } = request;
  let object: KubeObject = { ...next, metadata: { ...next.metadata, name: current.metadata.name } };
  if (type.namespaced) object.metadata = { ...object.metadata, namespace: current.metadata.namespace ?? '' };
  if (hasStatusSubresource(type)) {
    const { status: _ignored, ...rest } = object;
    object = current['status'] === undefined ? rest : { ...rest, status: current['status'] };
  }
  const prepared = prepare(type, object, request);
  checkImmutable(type, current, prepared.object);
  const stored = ctx.store.update(type, prepared.object, { dryRun });
  return { status: 200, body: served(request, stored), warnings: prepared.warnings };
}

export function updateObject(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const name = requireName(request);
  const body = objectBody(request);
  const bodyName = body.metadata?.name;
  if (bodyName !== undefined && bodyName !== name) {
    throw new FakeKubeError(
      'FAKE_KUBE_BAD_REQUEST',
      `the name of the object (${bodyName}) does not match the name on the URL (${name})`,
    );
  }
  const current = ctx.store.require(request.type, request.info.namespace, name);
  return replaceWith(ctx, request, current, body, isDryRun(request.query));
}

export function patchObject(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const name = requireName(request);
  const patchType = patchTypeOf(request.contentType, request.type.custom);
  const patch = parsePatchBody(patchType, request.body);
  const dryRun = isDryRun(request.query);
  const apply = patchType === 'application/apply-patch+yaml';
  if (apply && (request.query.get('fieldManager') ?? '') === '') {
    throw new FakeKubeError(
      'FAKE_KUBE_INVALID',
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
  }
  const current = ctx.store.get(request.type, request.info.namespace, name);
  if (current === undefined) {
    // Only server-side apply creates; every other patch of a missing object is 404.
    if (!apply) ctx.store.require(request.type, request.info.namespace, name);
    const applied = objectBody({ ...request, body: JSON.stringify(patch) });
    return createFrom(ctx, request, { ...applied, metadata: { ...applied.metadata, name } }, dryRun);
  }
  const patched = applyPatch(patchType, current, patch, request.type.custom);
  if (!isRecord(patched)) throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', 'patch result must be an object');
  const next = patched as KubeObject;
  return replaceWith(
    ctx,
    request,
    current,
    { ...next, apiVersion: current.apiVersion, kind: current.kind },
    dryRun,
  );
}

interface DeleteOptionsBody {
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
  readonly propagationPolicy?: string;
}

/** `propagationPolicy: Orphan`: dependents lose their ownerReference to the owner instead of being collected. */
function orphanDependents(ctx: ApiContext, owner: StoredObject): void {
  for (const type of ctx.resources.all()) {
    for (const object of ctx.store.list(type, owner.metadata.namespace)) {
      const refs = object.metadata.ownerReferences;
      if (refs === undefined || !refs.some((r) => r.uid === owner.metadata.uid)) continue;
      const kept = refs.filter((r) => r.uid !== owner.metadata.uid);
      const { ownerReferences: _dropped, ...metadata } = object.metadata;
      ctx.store.update(type, {
        ...object,
        metadata: kept.length > 0 ? { ...metadata, ownerReferences: kept } : metadata,
      });
    }
  }
}

/** What DELETE answers: the object for graceful kinds (pods, namespaces), a Success Status otherwise. */
function deleteResponse(request: ApiRequest, deleted: StoredObject): ApiResponse {
  const { type } = request;
  if (type.group === '' && (type.resource === 'pods' || type.resource === 'namespaces')) {
    const now = kubeTimestamp();
    const body: StoredObject = {
      ...served(request, deleted),
      metadata: { ...deleted.metadata, deletionTimestamp: now },
    };
    if (type.resource === 'namespaces') body['status'] = { phase: 'Terminating' };
    return { status: 200, body };
  }
  return {
    status: 200,
    body: successStatus({
      name: deleted.metadata.name,
      ...(type.group === '' ? {} : { group: type.group }),
      kind: type.resource,
      uid: deleted.metadata.uid,
    }),
  };
}

export function deleteObject(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const name = requireName(request);
  const body = parseJsonBody(request.body);
  const options = (isRecord(body) ? body : {}) as DeleteOptionsBody;
  const dryRun = isDryRun(request.query, body);
  const preconditions = options.preconditions === undefined ? {} : { preconditions: options.preconditions };
  const policy = request.query.get('propagationPolicy') ?? options.propagationPolicy;
  if (policy === 'Orphan' && !dryRun) {
    // Check preconditions (and existence) before touching dependents.
    ctx.store.delete(request.type, request.info.namespace, name, { dryRun: true, ...preconditions });
    orphanDependents(ctx, ctx.store.require(request.type, request.info.namespace, name));
  }
  const deleted = ctx.store.delete(request.type, request.info.namespace, name, { dryRun, ...preconditions });
  return deleteResponse(request, deleted);
}

export function deleteCollection(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const dryRun = isDryRun(request.query, parseJsonBody(request.body));
  const selected = selectObjects(ctx, request);
  const deleted: StoredObject[] = [];
  for (const o of selected) {
    // Garbage collection of an earlier item may already have removed a later one.
    if (ctx.store.get(request.type, o.metadata.namespace, o.metadata.name) === undefined) continue;
    deleted.push(ctx.store.delete(request.type, o.metadata.namespace, o.metadata.name, { dryRun }));
  }
  return { status: 200, body: listDocument(request, deleted, ctx.store.currentRevision()) };
}
