import { DeploymentController } from './deployment-controller.js';
import { EndpointsController } from './endpoints-controller.js';
import { HpaController } from './hpa-controller.js';
import { PodLifecycle } from './pod-lifecycle.js';
import { StatefulSetController } from './statefulset-controller.js';
import type { ObjectStore } from './store.js';

/** Options of the opt-in workload simulation. */
export interface ControllerOptions {
  /** Milliseconds from pod creation to Running/Ready; default 50. */
  readonly podReadyDelayMs?: number;
}

/** The running workload simulation of one cluster. */
export interface Controllers {
  /** True while a reconcile is queued or a pod is still on its way to Ready. */
  busy(): boolean;
  stop(): void;
}

/** Starts the Deployment, StatefulSet, Endpoints and HPA controllers with a shared scheduler/kubelet simulation. */
export function startControllers(store: ObjectStore, options: ControllerOptions = {}): Controllers {
  const pods = new PodLifecycle(store, options.podReadyDelayMs ?? 50);
  const parts = [
    new DeploymentController(store, pods),
    new StatefulSetController(store, pods),
    new EndpointsController(store),
    new HpaController(store),
  ];
  return {
    busy: () => pods.busy() || parts.some((p) => p.busy()),
    stop: () => {
      for (const p of parts) p.stop();
      pods.stop();
    },
  };
}
