import { isRecord, kubeTimestamp, readPath } from './object.js';
import type { KubeObject, OwnerReference, StoredObject } from './object.js';

export function desiredReplicas(workload: KubeObject): number {
  const replicas = readPath(workload, 'spec.replicas');
  return typeof replicas === 'number' ? replicas : 1;
}

export function templateLabels(workload: KubeObject): Record<string, string> {
  const labels = readPath(workload, 'spec.template.metadata.labels');
  return isRecord(labels) ? (labels as Record<string, string>) : {};
}

export function ownerReference(owner: StoredObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isOwnedBy(object: StoredObject, owner: StoredObject): boolean {
  return object.metadata.ownerReferences?.some((ref) => ref.uid === owner.metadata.uid) ?? false;
}

export function isPodReady(pod: KubeObject): boolean {
  const conditions = readPath(pod, 'status.conditions');
  return (
    Array.isArray(conditions) &&
    conditions.some((c) => isRecord(c) && c['type'] === 'Ready' && c['status'] === 'True')
  );
}

/** The ReplicaSet a Deployment owns for its current template. */
export function replicaSetFor(deployment: StoredObject, hash: string): KubeObject {
  const labels = { ...templateLabels(deployment), 'pod-template-hash': hash };
  const template = readPath(deployment, 'spec.template');
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace ?? 'default',
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [ownerReference(deployment)],
    },
    spec: {
      replicas: desiredReplicas(deployment),
      selector: { matchLabels: labels },
      template: {
        ...(isRecord(template) ? template : {}),
        metadata: { ...(readPath(template, 'metadata') as object | undefined), labels },
      },
    },
  };
}

/** A new pod of a ReplicaSet, named `<replicaset>-<suffix>` (scheduling and status come from PodLifecycle). */
export function podFor(replicaSet: StoredObject, suffix: string): KubeObject {
  const labels = (readPath(replicaSet, 'spec.selector.matchLabels') ?? {}) as Record<string, string>;
  const spec = readPath(replicaSet, 'spec.template.spec');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${replicaSet.metadata.name}-${suffix}`,
      namespace: replicaSet.metadata.namespace ?? 'default',
      labels,
      ownerReferences: [ownerReference(replicaSet)],
    },
    spec: isRecord(spec) ? spec : { containers: [] },
  };
}

/** The pod after its containers started and its readiness probe passed. */
export function readyPod(pod: StoredObject, podIP: string): StoredObject {
  const now = kubeTimestamp();
  const containers = readPath(pod, 'spec.containers');
  const names = Array.isArray(containers)
    ? containers.map((c) => (isRecord(c) ? String(c['name']) : 'main'))
    : [];
  return {
    ...pod,
    status: {
      phase: 'Running',
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: now,
      conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({
        type,
        status: 'True',
        lastTransitionTime: now,
      })),
      containerStatuses: names.map((name) => ({
        name,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: now } },
      })),
    },
  };
}

/** Deployment status for the pods it currently has. */
export function deploymentStatus(
  deployment: StoredObject,
  pods: readonly StoredObject[],
  current: unknown,
): Record<string, unknown> {
  const ready = pods.filter(isPodReady).length;
  const desired = desiredReplicas(deployment);
  const available = ready >= desired;
  const previous = readPath(current, 'conditions');
  const prevAvailable = Array.isArray(previous)
    ? previous.find((c) => isRecord(c) && c['type'] === 'Available')
    : undefined;
  const wanted = available ? 'True' : 'False';
  const condition =
    isRecord(prevAvailable) && prevAvailable['status'] === wanted
      ? prevAvailable
      : {
          type: 'Available',
          status: wanted,
          reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          message: available
            ? 'Deployment has minimum availability.'
            : 'Deployment does not have minimum availability.',
          lastTransitionTime: kubeTimestamp(),
        };
  // Zero counts are omitted, as the real API server's omitempty serialization does.
  const counts = {
    replicas: pods.length,
    updatedReplicas: pods.length,
    readyReplicas: ready,
    availableReplicas: ready,
    unavailableReplicas: Math.max(0, desired - ready),
  };
  return {
    observedGeneration: deployment.metadata.generation ?? 1,
    ...Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
    conditions: [condition],
  };
}
