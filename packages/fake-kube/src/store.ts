import { randomUUID } from 'node:crypto';
import { FakeKubeError } from './errors.js';
import { clone, jsonEqual, kubeTimestamp, objectKey, specOf } from './object.js';
import type { KubeObject, ObjectMeta, StoredObject } from './object.js';
import { builtin, storageKey } from './resources.js';
import type { ResourceType } from './resources.js';
import { paginate } from './pagination.js';
import type { Page } from './pagination.js';
import { notFound, qualified } from './status.js';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: StoreEventType;
  readonly resource: ResourceType;
  readonly object: StoredObject;
  /** The revision of this change (the object's resourceVersion; deletions take a revision of their own). */
  readonly revision: number;
}

export interface WriteOptions {
  /** Validate and compute the result, persist nothing, notify nobody. */
  readonly dryRun?: boolean;
}

export interface DeletePreconditions {
  readonly uid?: string;
  readonly resourceVersion?: string;
}

const NAMESPACES = builtin('', 'v1', 'namespaces');

function hasGeneration(type: ResourceType): boolean {
  return type.topLevelFields === undefined || type.topLevelFields.includes('spec');
}

function conflict(type: ResourceType, name: string, why: string): FakeKubeError {
  return new FakeKubeError(
    'FAKE_KUBE_CONFLICT',
    `Operation cannot be fulfilled on ${qualified(type.resource, type.group)} "${name}": ${why}`,
    { name, ...(type.group === '' ? {} : { group: type.group }), kind: type.resource },
  );
}

/**
 * The in-memory object store of one fake cluster: one bucket per group/resource, a cluster-wide
 * monotonic resourceVersion, and a synchronous change feed (used by the controllers).
 */
export class ObjectStore {
  private readonly buckets = new Map<
    string,
    { readonly type: ResourceType; readonly objects: Map<string, StoredObject> }
  >();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private revision = 0;

  /** The current cluster-wide resourceVersion, as a list's `metadata.resourceVersion`. */
  currentRevision(): string {
    return String(this.revision);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(type: ResourceType, namespace: string | undefined, name: string): StoredObject | undefined {
    const found = this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
    return found === undefined ? undefined : clone(found);
  }

  require(type: ResourceType, namespace: string | undefined, name: string): StoredObject {
    const found = this.get(type, namespace, name);
    if (found === undefined) throw notFound(type.resource, type.group, name);
    return found;
  }

  /**
   * Objects of a type, in one namespace or all, ordered by namespace then name. `where` filters before the
   * (deep) copies are made, so selective lists of big collections stay cheap.
   */
  list(type: ResourceType, namespace?: string, where?: (object: StoredObject) => boolean): StoredObject[] {
    return this.sorted(type, namespace, where).map((o) => clone(o));
  }

  /** One page of `list` (limit + continue token); only the returned items are copied. */
  listPage(
    type: ResourceType,
    namespace: string | undefined,
    where: (object: StoredObject) => boolean,
    limit: number | undefined,
    token: string | undefined,
  ): Page {
    const page = paginate(this.sorted(type, namespace, where), limit, token);
    return { ...page, items: page.items.map((o) => clone(o)) };
  }

  private sorted(
    type: ResourceType,
    namespace: string | undefined,
    where: ((object: StoredObject) => boolean) | undefined,
  ): StoredObject[] {
    const keyed: (readonly [string, StoredObject])[] = [];
    for (const object of this.bucket(type).values()) {
      const inNamespace =
        namespace === undefined || !type.namespaced || object.metadata.namespace === namespace;
      if (inNamespace && (where === undefined || where(object)))
        keyed.push([objectKey(object.metadata.namespace, object.metadata.name), object]);
    }
    keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return keyed.map(([, o]) => o);
  }

  create(type: ResourceType, input: KubeObject, options: WriteOptions = {}): StoredObject {
    const meta: ObjectMeta = { ...input.metadata };
    const name = meta.name;
    if (name === undefined || name === '') {
      throw new FakeKubeError(
        'FAKE_KUBE_INVALID',
        `${type.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
      );
    }
    const namespace = type.namespaced ? meta.namespace : undefined;
    if (type.namespaced) this.requireNamespace(namespace);
    const bucket = this.bucket(type);
    const key = objectKey(namespace, name);
    if (bucket.has(key)) {
      throw new FakeKubeError(
        'FAKE_KUBE_ALREADY_EXISTS',
        `${qualified(type.resource, type.group)} "${name}" already exists`,
        {
          name,
          ...(type.group === '' ? {} : { group: type.group }),
          kind: type.resource,
        },
      );
    }
    const stored = clone({
      ...input,
      metadata: {
        ...meta,
        name,
        ...(namespace === undefined ? {} : { namespace }),
        uid: randomUUID(),
        resourceVersion: options.dryRun === true ? '' : this.bump(),
        creationTimestamp: kubeTimestamp(),
        ...(hasGeneration(type) ? { generation: 1 } : {}),
      },
    }) as StoredObject;
    if (type.namespaced === false) delete stored.metadata.namespace;
    if (options.dryRun === true) return stored;
    bucket.set(key, stored);
    this.emit('ADDED', type, stored, Number(stored.metadata.resourceVersion));
    return clone(stored);
  }

  /**
   * Replaces an existing object. A non-empty `metadata.resourceVersion` in `next` must match the stored one
   * (optimistic concurrency); identity fields (uid, creationTimestamp) are kept from the stored object.
   */
  update(type: ResourceType, next: KubeObject, options: WriteOptions = {}): StoredObject {
    const name = next.metadata?.name ?? '';
    const namespace = type.namespaced ? next.metadata?.namespace : undefined;
    const current = this.require(type, namespace, name);
    const expected = next.metadata?.resourceVersion;
    if (expected !== undefined && expected !== '' && expected !== current.metadata.resourceVersion) {
      throw conflict(
        type,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    const generation = current.metadata.generation;
    const changedSpec = !jsonEqual(specOf(current), specOf(next));
    const stored = clone({
      ...next,
      metadata: {
        ...next.metadata,
        name,
        ...(namespace === undefined ? {} : { namespace }),
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        resourceVersion: current.metadata.resourceVersion,
        ...(generation === undefined ? {} : { generation: changedSpec ? generation + 1 : generation }),
      },
    }) as StoredObject;
    if (jsonEqual(stored, current) || options.dryRun === true) return stored;
    stored.metadata.resourceVersion = this.bump();
    this.bucket(type).set(objectKey(namespace, name), stored);
    this.emit('MODIFIED', type, stored, Number(stored.metadata.resourceVersion));
    return clone(stored);
  }

  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: WriteOptions & { readonly preconditions?: DeletePreconditions } = {},
  ): StoredObject {
    const current = this.require(type, namespace, name);
    const pre = options.preconditions;
    if (pre?.uid !== undefined && pre.uid !== current.metadata.uid) {
      throw conflict(
        type,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`,
      );
    }
    if (pre?.resourceVersion !== undefined && pre.resourceVersion !== current.metadata.resourceVersion) {
      throw conflict(
        type,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
      );
    }
    if (options.dryRun === true) return current;
    this.bucket(type).delete(objectKey(type.namespaced ? namespace : undefined, name));
    this.emitDeleted(type, current);
    if (type === NAMESPACES) this.dropNamespace(name);
    return current;
  }

  private dropNamespace(namespace: string): void {
    for (const { type, objects } of this.buckets.values()) {
      for (const [objKey, object] of objects) {
        if (object.metadata.namespace !== namespace) continue;
        objects.delete(objKey);
        this.emitDeleted(type, object);
      }
    }
  }

  /** Deletes every object of a resource (its CRD went away). */
  dropResource(type: ResourceType): void {
    const bucket = this.buckets.get(storageKey(type));
    if (bucket === undefined) return;
    this.buckets.delete(storageKey(type));
    for (const object of bucket.objects.values()) this.emitDeleted(bucket.type, object);
  }

  private requireNamespace(namespace: string | undefined): void {
    if (namespace === undefined || namespace === '') {
      throw new FakeKubeError(
        'FAKE_KUBE_BAD_REQUEST',
        'the server could not find the requested resource: namespace is required',
      );
    }
    if (!this.bucket(NAMESPACES).has(objectKey(undefined, namespace))) {
      throw notFound('namespaces', '', namespace);
    }
  }

  private bucket(type: ResourceType): Map<string, StoredObject> {
    const key = storageKey(type);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { type, objects: new Map() };
      this.buckets.set(key, bucket);
    }
    return bucket.objects;
  }

  private bump(): string {
    this.revision += 1;
    return String(this.revision);
  }

  /** A deletion takes its own revision; the DELETED event carries the object at that resourceVersion. */
  private emitDeleted(resource: ResourceType, object: StoredObject): void {
    const revision = this.bump();
    this.emit(
      'DELETED',
      resource,
      { ...object, metadata: { ...object.metadata, resourceVersion: revision } },
      Number(revision),
    );
  }

  private emit(type: StoreEventType, resource: ResourceType, object: StoredObject, revision: number): void {
    for (const listener of this.listeners) listener({ type, resource, object: clone(object), revision });
  }
}
