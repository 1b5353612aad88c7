import { Controller, controllerOf } from './controller.js';
import { isRecord, jsonEqual, objectKey, readPath, splitKey } from './object.js';
import type { StoredObject } from './object.js';
import { templateHash } from './names.js';
import type { PodLifecycle } from './pod-lifecycle.js';
import { builtin } from './resources.js';
import type { ObjectStore, StoreEvent } from './store.js';
import { desiredReplicas, isOwnedBy, isPodReady, ownerReference, templateLabels } from './workload.js';

const STATEFULSETS = builtin('apps', 'v1', 'statefulsets');
const PODS = builtin('', 'v1', 'pods');
const REVISION = 'controller-revision-hash';

function ordinalOf(set: StoredObject, pod: StoredObject): number {
  const suffix = pod.metadata.name.slice(set.metadata.name.length + 1);
  return /^\d+$/.test(suffix) ? Number(suffix) : -1;
}

/**
 * Simulates the StatefulSet controller: pods `<name>-0 … <name>-(n-1)`, scale-down removes the highest
 * ordinals, a template change recreates pods under the same names, status follows readiness.
 */
export class StatefulSetController extends Controller {
  constructor(
    store: ObjectStore,
    private readonly pods: PodLifecycle,
  ) {
    super(store, STATEFULSETS);
  }

  protected override observeRelated(event: StoreEvent): void {
    const { resource, object } = event;
    const owner = controllerOf(object);
    if (resource === PODS && owner?.kind === 'StatefulSet')
      this.enqueue(objectKey(object.metadata.namespace, owner.name));
  }

  protected override reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const set = this.store.get(STATEFULSETS, namespace, name);
    if (set === undefined) return;
    const revision = `${name}-${templateHash(readPath(set, 'spec.template'))}`;
    const desired = desiredReplicas(set);
    const owned = this.store.list(PODS, namespace).filter((p) => isOwnedBy(p, set));
    for (const pod of owned) {
      const ordinal = ordinalOf(set, pod);
      if (ordinal < 0 || ordinal >= desired || pod.metadata.labels?.[REVISION] !== revision) {
        this.store.delete(PODS, namespace, pod.metadata.name);
      }
    }
    const spec = readPath(set, 'spec.template.spec');
    for (let ordinal = 0; ordinal < desired; ordinal++) {
      const podName = `${name}-${ordinal}`;
      if (this.store.get(PODS, namespace, podName) !== undefined) continue;
      this.pods.start({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: podName,
          namespace,
          labels: {
            ...templateLabels(set),
            [REVISION]: revision,
            'statefulset.kubernetes.io/pod-name': podName,
            'apps.kubernetes.io/pod-index': String(ordinal),
          },
          ownerReferences: [ownerReference(set)],
        },
        spec: { ...(isRecord(spec) ? spec : { containers: [] }), hostname: podName },
      });
    }
    const pods = this.store.list(PODS, namespace).filter((p) => isOwnedBy(p, set));
    const ready = pods.filter(isPodReady).length;
    const counts = {
      replicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      currentReplicas: pods.length,
      updatedReplicas: pods.length,
    };
    const status = {
      observedGeneration: set.metadata.generation ?? 1,
      ...Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
      currentRevision: revision,
      updateRevision: revision,
    };
    if (!jsonEqual(set['status'], status)) this.store.update(STATEFULSETS, { ...set, status });
  }
}
