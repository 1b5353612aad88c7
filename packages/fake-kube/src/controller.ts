import { objectKey } from './object.js';
import type { OwnerReference, StoredObject } from './object.js';
import { ReconcileQueue } from './reconcile-queue.js';
import type { ResourceType } from './resources.js';
import type { ObjectStore, StoreEvent } from './store.js';

/** The `namespace/name` key of an object, the work-queue key of most controllers. */
function keyOfObject(object: StoredObject): string {
  return objectKey(object.metadata.namespace, object.metadata.name);
}

/** The owner reference of the controller that manages an object, if any. */
export function controllerOf(object: StoredObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((r) => r.controller === true);
}

/**
 * The loop every simulated controller runs: a work queue fed by store events, primed with the existing objects
 * of its primary resource and fed again whenever one of them is added or modified. A subclass says which other
 * events concern it (`observeRelated`) and how one key converges (`reconcile`).
 */
export abstract class Controller {
  private readonly queue = new ReconcileQueue((key) => this.reconcile(key));
  private readonly unsubscribe: () => void;

  protected constructor(
    protected readonly store: ObjectStore,
    private readonly primary: ResourceType,
    private readonly keyOf: (object: StoredObject) => string = keyOfObject,
  ) {
    this.unsubscribe = store.subscribe((event) => this.observe(event));
    for (const object of store.list(primary)) this.queue.enqueue(keyOf(object));
  }

  busy(): boolean {
    return this.queue.busy();
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  protected enqueue(key: string): void {
    this.queue.enqueue(key);
  }

  /** Reacts to an event of any resource, after the primary resource's own events were queued. */
  protected abstract observeRelated(event: StoreEvent): void;

  protected abstract reconcile(key: string): void;

  private observe(event: StoreEvent): void {
    if (event.resource === this.primary && event.type !== 'DELETED') this.enqueue(this.keyOf(event.object));
    this.observeRelated(event);
  }
}
