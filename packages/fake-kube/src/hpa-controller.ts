import { Controller } from './controller.js';
import { jsonEqual, kubeTimestamp, objectKey, readPath, splitKey } from './object.js';
import type { StoredObject } from './object.js';
import { builtin } from './resources.js';
import type { ResourceType } from './resources.js';
import type { ObjectStore, StoreEvent } from './store.js';

const HPAS = builtin('autoscaling', 'v2', 'horizontalpodautoscalers');
const TARGETS: Readonly<Record<string, ResourceType>> = {
  Deployment: builtin('apps', 'v1', 'deployments'),
  StatefulSet: builtin('apps', 'v1', 'statefulsets'),
};

function condition(type: string, status: 'True' | 'False', reason: string): Record<string, string> {
  return { type, status, reason };
}

/**
 * Simulates the HorizontalPodAutoscaler's replica bounds (no metrics): a target scaled below `minReplicas`
 * or above `maxReplicas` is put back within them; a target at 0 replicas disables autoscaling, as in Kubernetes.
 */
export class HpaController extends Controller {
  private readonly lastScale = new Map<string, string>();

  constructor(store: ObjectStore) {
    super(store, HPAS);
  }

  protected override observeRelated(event: StoreEvent): void {
    const { resource, object } = event;
    if (Object.values(TARGETS).includes(resource)) {
      for (const hpa of this.store.list(HPAS, object.metadata.namespace)) {
        if (
          readPath(hpa, 'spec.scaleTargetRef.name') === object.metadata.name &&
          readPath(hpa, 'spec.scaleTargetRef.kind') === object.kind
        ) {
          this.enqueue(objectKey(hpa.metadata.namespace, hpa.metadata.name));
        }
      }
    }
  }

  protected override reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const hpa = this.store.get(HPAS, namespace, name);
    if (hpa === undefined) return;
    const kind = readPath(hpa, 'spec.scaleTargetRef.kind');
    const targetName = readPath(hpa, 'spec.scaleTargetRef.name');
    const targetType = typeof kind === 'string' ? TARGETS[kind] : undefined;
    const target =
      targetType === undefined || typeof targetName !== 'string'
        ? undefined
        : this.store.get(targetType, namespace, targetName);
    if (targetType === undefined || target === undefined) {
      this.writeStatus(hpa, {
        currentReplicas: 0,
        desiredReplicas: 0,
        conditions: [condition('AbleToScale', 'False', 'FailedGetScale')],
      });
      return;
    }
    const current =
      typeof readPath(target, 'spec.replicas') === 'number'
        ? (readPath(target, 'spec.replicas') as number)
        : 1;
    const min =
      typeof readPath(hpa, 'spec.minReplicas') === 'number'
        ? (readPath(hpa, 'spec.minReplicas') as number)
        : 1;
    const max =
      typeof readPath(hpa, 'spec.maxReplicas') === 'number'
        ? (readPath(hpa, 'spec.maxReplicas') as number)
        : current;
    const observed =
      typeof readPath(target, 'status.replicas') === 'number'
        ? (readPath(target, 'status.replicas') as number)
        : 0;
    if (current === 0) {
      this.writeStatus(hpa, {
        currentReplicas: observed,
        desiredReplicas: 0,
        conditions: [condition('ScalingActive', 'False', 'ScalingDisabled')],
      });
      return;
    }
    const desired = Math.min(Math.max(current, min), max);
    if (desired !== current) {
      this.store.update(targetType, {
        ...target,
        spec: { ...(target['spec'] as object), replicas: desired },
      });
      this.lastScale.set(key, kubeTimestamp());
    }
    const reason =
      desired > current ? 'TooFewReplicas' : desired < current ? 'TooManyReplicas' : 'DesiredWithinRange';
    this.writeStatus(hpa, {
      currentReplicas: observed,
      desiredReplicas: desired,
      conditions: [
        condition('AbleToScale', 'True', 'SucceededRescale'),
        condition('ScalingActive', 'True', 'ValidMetricFound'),
        condition('ScalingLimited', desired === current ? 'False' : 'True', reason),
      ],
    });
  }

  private writeStatus(hpa: StoredObject, status: Record<string, unknown>): void {
    const scaledAt = this.lastScale.get(objectKey(hpa.metadata.namespace, hpa.metadata.name));
    const withTime = { ...status, ...(scaledAt === undefined ? {} : { lastScaleTime: scaledAt }) };
    if (!jsonEqual(hpa['status'], withTime)) this.store.update(HPAS, { ...hpa, status: withTime });
  }
}
