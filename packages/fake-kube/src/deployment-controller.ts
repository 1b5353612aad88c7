import { Controller, controllerOf } from './controller.js';
import { jsonEqual, objectKey, readPath, splitKey } from './object.js';
import type { StoredObject } from './object.js';
import { randomSuffix, templateHash } from './names.js';
import type { PodLifecycle } from './pod-lifecycle.js';
import { builtin } from './resources.js';
import type { ObjectStore, StoreEvent } from './store.js';
import {
  deploymentStatus,
  desiredReplicas,
  isOwnedBy,
  isPodReady,
  podFor,
  replicaSetFor,
} from './workload.js';

const DEPLOYMENTS = builtin('apps', 'v1', 'deployments');
const REPLICASETS = builtin('apps', 'v1', 'replicasets');
const PODS = builtin('', 'v1', 'pods');

/**
 * Simulates the Deployment and ReplicaSet controllers: each Deployment keeps one ReplicaSet for its current
 * template (`<deploy>-<hash>`) and `spec.replicas` pods (`<deploy>-<hash>-<rand>`); a template change replaces
 * every pod at once; Deployment and ReplicaSet status follow the pods.
 */
export class DeploymentController extends Controller {
  constructor(
    store: ObjectStore,
    private readonly pods: PodLifecycle,
  ) {
    super(store, DEPLOYMENTS);
  }

  protected override observeRelated(event: StoreEvent): void {
    const { resource, object } = event;
    const namespace = object.metadata.namespace;
    const owner = controllerOf(object);
    if (owner === undefined) return;
    if (resource === REPLICASETS && owner.kind === 'Deployment')
      this.enqueue(objectKey(namespace, owner.name));
    if (resource === PODS && owner.kind === 'ReplicaSet') {
      const rs = this.store.get(REPLICASETS, namespace, owner.name);
      const deployment = rs?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
      if (deployment !== undefined) this.enqueue(objectKey(namespace, deployment.name));
    }
  }

  protected override reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const deployment = this.store.get(DEPLOYMENTS, namespace, name);
    if (deployment === undefined) return;
    const hash = templateHash(readPath(deployment, 'spec.template'));
    const owned = this.store.list(REPLICASETS, namespace).filter((rs) => isOwnedBy(rs, deployment));
    for (const old of owned.filter((rs) => rs.metadata.labels?.['pod-template-hash'] !== hash)) {
      this.store.delete(REPLICASETS, namespace, old.metadata.name);
    }
    const wanted = replicaSetFor(deployment, hash);
    const existing = owned.find((r) => r.metadata.labels?.['pod-template-hash'] === hash);
    const rs =
      existing === undefined
        ? this.store.create(REPLICASETS, wanted)
        : this.store.update(REPLICASETS, { ...existing, spec: wanted['spec'] });
    const pods = this.store.list(PODS, namespace).filter((p) => isOwnedBy(p, rs));
    const desired = desiredReplicas(deployment);
    for (let i = pods.length; i < desired; i++) pods.push(this.pods.start(podFor(rs, randomSuffix())));
    // Scale down removes unready pods first, like the ReplicaSet controller's ranking.
    const surplus = pods
      .sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)))
      .splice(0, Math.max(0, pods.length - desired));
    for (const pod of surplus) this.store.delete(PODS, namespace, pod.metadata.name);
    this.writeStatus(rs, deployment, pods);
  }

  private writeStatus(rs: StoredObject, deployment: StoredObject, pods: readonly StoredObject[]): void {
    const ready = pods.filter(isPodReady).length;
    const rsStatus = {
      replicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    if (!jsonEqual(rs['status'], rsStatus)) this.store.update(REPLICASETS, { ...rs, status: rsStatus });
    const status = deploymentStatus(deployment, pods, deployment['status']);
    if (!jsonEqual(deployment['status'], status)) this.store.update(DEPLOYMENTS, { ...deployment, status });
  }
}
