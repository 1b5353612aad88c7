import { applyDefaults } from './defaults.js';
import { FakeKubeError } from './errors.js';
import type { KubeObject, StoredObject } from './object.js';
import type { ResourceRegistry } from './resource-registry.js';
import { builtin } from './resources.js';
import type { ResourceType } from './resources.js';
import { matchesLabels, parseSelector } from './selector.js';
import type { ObjectStore } from './store.js';

/** Names one object for the test hooks. */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** Required for namespaced kinds. */
  readonly namespace?: string;
}

export interface ListFilter {
  readonly namespace?: string;
  readonly labelSelector?: string;
}

export function typeOfKind(registry: ResourceRegistry, apiVersion: string, kind: string): ResourceType {
  const type = registry.findKind(apiVersion, kind);
  if (type === undefined)
    throw new FakeKubeError('FAKE_KUBE_UNKNOWN_KIND', `fake-kube does not serve ${kind} in ${apiVersion}`);
  return type;
}

const NAMESPACES = builtin('', 'v1', 'namespaces');

function ensureNamespace(store: ObjectStore, namespace: string | undefined): void {
  if (namespace === undefined || store.get(NAMESPACES, undefined, namespace) !== undefined) return;
  store.create(
    NAMESPACES,
    applyDefaults(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }),
  );
}

/**
 * Test-hook write: creates the object (or replaces it when it exists), bypassing HTTP, auth and faults.
 * Missing namespaces are created; `status` is kept as given; server defaults still apply.
 */
export function upsertObject(
  store: ObjectStore,
  registry: ResourceRegistry,
  object: KubeObject,
): StoredObject {
  const { apiVersion, kind } = object;
  if (apiVersion === undefined || kind === undefined) {
    throw new FakeKubeError('FAKE_KUBE_INVALID', 'seeded objects need apiVersion and kind');
  }
  const type = typeOfKind(registry, apiVersion, kind);
  const name = object.metadata?.name ?? '';
  const namespace = type.namespaced ? (object.metadata?.namespace ?? 'default') : undefined;
  const input = applyDefaults(type, {
    ...object,
    metadata: { ...object.metadata, name, ...(namespace === undefined ? {} : { namespace }) },
  });
  ensureNamespace(store, namespace);
  const current = store.get(type, namespace, name);
  if (current === undefined) return store.create(type, input);
  return store.update(type, { ...input, metadata: { ...input.metadata, resourceVersion: '' } });
}

export function getObjectByRef(
  store: ObjectStore,
  registry: ResourceRegistry,
  ref: ObjectRef,
): StoredObject | undefined {
  return store.get(typeOfKind(registry, ref.apiVersion, ref.kind), ref.namespace, ref.name);
}

export function listObjectsOfKind(
  store: ObjectStore,
  registry: ResourceRegistry,
  apiVersion: string,
  kind: string,
  filter: ListFilter = {},
): StoredObject[] {
  const selector = parseSelector(filter.labelSelector);
  return store
    .list(typeOfKind(registry, apiVersion, kind), filter.namespace)
    .filter((o) => matchesLabels(selector, o.metadata.labels));
}

/** Deletes an object directly; false when it did not exist. */
export function removeObject(store: ObjectStore, registry: ResourceRegistry, ref: ObjectRef): boolean {
  const type = typeOfKind(registry, ref.apiVersion, ref.kind);
  if (store.get(type, ref.namespace, ref.name) === undefined) return false;
  store.delete(type, ref.namespace, ref.name);
  return true;
}
