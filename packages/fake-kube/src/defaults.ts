import { randomInt } from 'node:crypto';
import { isRecord } from './object.js';
import type { KubeObject } from './object.js';
import type { ResourceType } from './resources.js';

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? { ...value } : {};
}

/** Secret `stringData` is write-only: merged into base64 `data` and dropped, as the API server does. */
function secretDefaults(object: KubeObject): KubeObject {
  const data: Record<string, unknown> = record(object['data']);
  const stringData = object['stringData'];
  if (isRecord(stringData)) {
    for (const [key, value] of Object.entries(stringData))
      data[key] = Buffer.from(String(value), 'utf8').toString('base64');
  }
  const { stringData: _dropped, ...rest } = object;
  return {
    ...rest,
    ...(Object.keys(data).length > 0 || object['data'] !== undefined ? { data } : {}),
    type: typeof object['type'] === 'string' ? object['type'] : 'Opaque',
  };
}

function serviceDefaults(object: KubeObject): KubeObject {
  const spec = record(object['spec']);
  const type = typeof spec['type'] === 'string' ? spec['type'] : 'ClusterIP';
  const clusterIP =
    typeof spec['clusterIP'] === 'string'
      ? spec['clusterIP']
      : type === 'ExternalName'
        ? undefined
        : `10.96.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  return {
    ...object,
    spec: {
      sessionAffinity: 'None',
      ...spec,
      type,
      ...(clusterIP === undefined ? {} : { clusterIP, clusterIPs: [clusterIP] }),
    },
    status: isRecord(object['status']) ? object['status'] : { loadBalancer: {} },
  };
}

function namespaceDefaults(object: KubeObject): KubeObject {
  const name = object.metadata?.name ?? '';
  return {
    ...object,
    metadata: {
      ...object.metadata,
      labels: { ...object.metadata?.labels, 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'], ...record(object['spec']) },
    status: { phase: 'Active' },
  };
}

function workloadDefaults(object: KubeObject): KubeObject {
  const spec = record(object['spec']);
  return { ...object, spec: { replicas: 1, ...spec } };
}

function podDefaults(object: KubeObject): KubeObject {
  const status = record(object['status']);
  return { ...object, status: { phase: 'Pending', ...status } };
}

/** A CRD is Established at once (the fake serves its resources immediately). */
function crdDefaults(object: KubeObject): KubeObject {
  const spec = record(object['spec']);
  const versions = Array.isArray(spec['versions']) ? spec['versions'] : [];
  const stored = versions
    .filter((v) => isRecord(v) && v['storage'] === true)
    .map((v) => String((v as Record<string, unknown>)['name']));
  const conditions = ['NamesAccepted', 'Established'].map((type) => ({
    type,
    status: 'True',
    reason: type === 'Established' ? 'InitialNamesAccepted' : 'NoConflicts',
  }));
  return { ...object, status: { conditions, acceptedNames: record(spec['names']), storedVersions: stored } };
}

/** Server-side defaulting for the modelled kinds (pure: returns a new object). */
export function applyDefaults(type: ResourceType, object: KubeObject): KubeObject {
  if (type.group === '') {
    switch (type.resource) {
      case 'secrets':
        return secretDefaults(object);
      case 'services':
        return serviceDefaults(object);
      case 'namespaces':
        return namespaceDefaults(object);
      case 'pods':
        return podDefaults(object);
      default:
        return object;
    }
  }
  if (type.group === 'apiextensions.k8s.io') return crdDefaults(object);
  if (
    type.group === 'apps' &&
    (type.resource === 'deployments' || type.resource === 'statefulsets' || type.resource === 'replicasets')
  ) {
    return workloadDefaults(object);
  }
  return object;
}
