import { Controller } from './controller.js';
import { isRecord, jsonEqual, readPath } from './object.js';
import type { KubeObject, StoredObject } from './object.js';
import { builtin } from './resources.js';
import { matchesLabels, parseSelector, selectorText } from './selector.js';
import type { ObjectStore, StoreEvent } from './store.js';
import { isPodReady } from './workload.js';

const SERVICES = builtin('', 'v1', 'services');
const PODS = builtin('', 'v1', 'pods');
const ENDPOINTS = builtin('', 'v1', 'endpoints');

function address(pod: StoredObject): Record<string, unknown> {
  const nodeName = readPath(pod, 'spec.nodeName');
  return {
    ip: readPath(pod, 'status.podIP') ?? '',
    ...(typeof nodeName === 'string' ? { nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  };
}

function ports(service: StoredObject): Record<string, unknown>[] {
  const list = readPath(service, 'spec.ports');
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((p) => ({
    ...(typeof p['name'] === 'string' ? { name: p['name'] } : {}),
    port: typeof p['targetPort'] === 'number' ? p['targetPort'] : p['port'],
    protocol: typeof p['protocol'] === 'string' ? p['protocol'] : 'TCP',
  }));
}

/** The Endpoints object of a selector Service: Ready pods as addresses, others (with an IP) as notReadyAddresses. */
export function endpointsFor(service: StoredObject, pods: readonly StoredObject[]): KubeObject {
  const selected = pods.filter((p) => typeof readPath(p, 'status.podIP') === 'string');
  const ready = selected.filter(isPodReady).map(address);
  const notReady = selected.filter((p) => !isPodReady(p)).map(address);
  const subset = {
    ...(ready.length > 0 ? { addresses: ready } : {}),
    ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
    ports: ports(service),
  };
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: service.metadata.name,
      namespace: service.metadata.namespace ?? 'default',
      labels: { ...service.metadata.labels },
    },
    ...(ready.length + notReady.length > 0 ? { subsets: [subset] } : {}),
  };
}

/** Keeps an Endpoints object per selector Service in step with its pods (reconciled per namespace). */
export class EndpointsController extends Controller {
  constructor(store: ObjectStore) {
    super(store, SERVICES, (service) => service.metadata.namespace ?? '');
  }

  protected override observeRelated(event: StoreEvent): void {
    const { resource, object } = event;
    if (resource === SERVICES && event.type === 'DELETED') {
      if (this.store.get(ENDPOINTS, object.metadata.namespace, object.metadata.name) !== undefined) {
        this.store.delete(ENDPOINTS, object.metadata.namespace, object.metadata.name);
      }
      return;
    }
    if (resource === PODS) this.enqueue(object.metadata.namespace ?? '');
  }

  protected override reconcile(namespace: string): void {
    const pods = this.store.list(PODS, namespace);
    for (const service of this.store.list(SERVICES, namespace)) {
      const selector = readPath(service, 'spec.selector');
      if (!isRecord(selector) || Object.keys(selector).length === 0) continue;
      const parsed = parseSelector(selectorText(selector as Record<string, string>));
      const wanted = endpointsFor(
        service,
        pods.filter((p) => matchesLabels(parsed, p.metadata.labels)),
      );
      const current = this.store.get(ENDPOINTS, namespace, service.metadata.name);
      if (current === undefined) {
        this.store.create(ENDPOINTS, wanted);
      } else if (
        !jsonEqual(current['subsets'], wanted['subsets']) ||
        !jsonEqual(current.metadata.labels ?? {}, wanted.metadata?.labels ?? {})
      ) {
        const { subsets: _old, ...rest } = current;
        this.store.update(ENDPOINTS, {
          ...rest,
          metadata: { ...current.metadata, labels: wanted.metadata?.labels ?? {} },
          ...(wanted['subsets'] === undefined ? {} : { subsets: wanted['subsets'] }),
        });
      }
    }
  }
}
