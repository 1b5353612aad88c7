import { randomInt } from 'node:crypto';
import { clone, jsonEqual, readPath } from './object.js';
import type { StoredObject } from './object.js';
import { findResource } from './resources.js';
import type { ResourceType } from './resources.js';
import type { ObjectStore, StoreEvent } from './store.js';
import { deploymentStatus, desiredReplicas, isOwnedBy, isPodReady, podFor, readyPod, replicaSetFor, templateHash } from './workload.js';
import { randomSuffix } from './write-verbs.js';

export interface DeploymentControllerOptions {
  /** Milliseconds from pod creation to Ready; default 50. */
  readonly podReadyDelayMs?: number;
}

function type(group: string, version: string, resource: string): ResourceType {
  const found = findResource(group, version, resource);
  if (found === undefined) throw new Error(`resource ${resource} missing from the registry`);
  return found;
}

const DEPLOYMENTS = type('apps', 'v1', 'deployments');
const REPLICASETS = type('apps', 'v1', 'replicasets');
const PODS = type('', 'v1', 'pods');
const NODES = type('', 'v1', 'nodes');

/**
 * Simulates the Deployment and ReplicaSet controllers, the scheduler and the kubelet: each Deployment keeps one
 * ReplicaSet per template and `spec.replicas` pods, pods become Ready after a delay, status follows.
 * Reconciles run on the next macrotask after a change (like a real, asynchronous controller).
 */
export class DeploymentController {
  private readonly dirty = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private scheduled: NodeJS.Immediate | undefined;
  private readonly unsubscribe: () => void;
  private nodeCursor = 0;
  private stopped = false;

  constructor(
    private readonly store: ObjectStore,
    private readonly options: DeploymentControllerOptions = {},
  ) {
    this.unsubscribe = store.subscribe((event) => this.observe(event));
    for (const d of store.list(DEPLOYMENTS)) this.enqueue(d.metadata.namespace, d.metadata.name);
  }

  /** True while a reconcile is queued or a pod is still on its way to Ready. */
  busy(): boolean {
    return this.dirty.size > 0 || this.timers.size > 0 || this.scheduled !== undefined;
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.dirty.clear();
  }

  private observe(event: StoreEvent): void {
    const { resource, object } = event;
    if (resource === DEPLOYMENTS && event.type !== 'DELETED') this.enqueue(object.metadata.namespace, object.metadata.name);
    if (resource === PODS || resource === REPLICASETS) {
      const owner = object.metadata.ownerReferences?.find((r) => r.controller === true);
      if (owner === undefined) return;
      if (resource === REPLICASETS && owner.kind === 'Deployment') this.enqueue(object.metadata.namespace, owner.name);
      if (resource === PODS && owner.kind === 'ReplicaSet') {
        const rs = this.store.get(REPLICASETS, object.metadata.namespace, owner.name);
        const deployment = rs?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
        if (deployment !== undefined) this.enqueue(object.metadata.namespace, deployment.name);
      }
    }
  }

  private enqueue(namespace: string | undefined, name: string): void {
    if (this.stopped) return;
    this.dirty.add(`${namespace ?? ''}/${name}`);
    this.scheduled ??= setImmediate(() => {
      this.scheduled = undefined;
      const keys = [...this.dirty];
      this.dirty.clear();
      for (const key of keys) {
        const [namespace = '', name = ''] = key.split('/');
        this.reconcile(namespace, name);
      }
    });
  }

  private reconcile(namespace: string, name: string): void {
    const deployment = this.store.get(DEPLOYMENTS, namespace, name);
    if (deployment === undefined) return;
    const hash = templateHash(readPath(deployment, 'spec.template'));
    const owned = this.store.list(REPLICASETS, namespace).filter((rs) => isOwnedBy(rs, deployment));
    for (const old of owned.filter((rs) => rs.metadata.labels?.['pod-template-hash'] !== hash)) {
      this.store.delete(REPLICASETS, namespace, old.metadata.name);
    }
    const wanted = replicaSetFor(deployment, hash);
    let rs = owned.find((r) => r.metadata.labels?.['pod-template-hash'] === hash);
    rs = rs === undefined ? this.store.create(REPLICASETS, wanted) : this.store.update(REPLICASETS, { ...rs, spec: wanted['spec'] });
    const pods = this.store.list(PODS, namespace).filter((p) => rs !== undefined && isOwnedBy(p, rs));
    const desired = desiredReplicas(deployment);
    for (let i = pods.length; i < desired; i++) pods.push(this.createPod(rs));
    const surplus = pods
      .sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)))
      .splice(0, Math.max(0, pods.length - desired));
    for (const pod of surplus) this.store.delete(PODS, namespace, pod.metadata.name);
    const ready = pods.filter(isPodReady).length;
    const rsStatus = { replicas: pods.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata.generation ?? 1 };
    if (!jsonEqual(rs['status'], rsStatus)) this.store.update(REPLICASETS, { ...rs, status: rsStatus });
    const status = deploymentStatus(deployment, pods, deployment['status']);
    if (!jsonEqual(deployment['status'], status)) this.store.update(DEPLOYMENTS, { ...deployment, status });
  }

  private createPod(rs: StoredObject): StoredObject {
    const pod = this.store.create(PODS, podFor(rs, randomSuffix(), this.pickNode()));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const latest = this.store.get(PODS, pod.metadata.namespace, pod.metadata.name);
      if (latest === undefined || latest.metadata.uid !== pod.metadata.uid) return;
      this.store.update(PODS, readyPod(clone(latest), `10.244.${randomInt(0, 256)}.${randomInt(2, 255)}`));
    }, this.options.podReadyDelayMs ?? 50);
    this.timers.add(timer);
    return pod;
  }

  /** Round-robin over Ready, schedulable nodes; pods stay unscheduled when there are none. */
  private pickNode(): string | undefined {
    const nodes = this.store.list(NODES).filter((n) => readPath(n, 'spec.unschedulable') !== true);
    if (nodes.length === 0) return undefined;
    const node = nodes[this.nodeCursor % nodes.length];
    this.nodeCursor += 1;
    return node?.metadata.name;
  }
}
