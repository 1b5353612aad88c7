import { clone, isRecord } from './object.js';

/**
 * Merge keys of the list fields that Kubernetes patches by key under strategic merge patch (the common
 * `patchMergeKey` annotations of the core types). Lists not named here are replaced, as with a merge patch.
 */
const MERGE_KEYS: Readonly<Record<string, string | ((items: readonly Record<string, unknown>[]) => string)>> =
  {
    containers: 'name',
    initContainers: 'name',
    ephemeralContainers: 'name',
    volumes: 'name',
    env: 'name',
    imagePullSecrets: 'name',
    volumeMounts: 'mountPath',
    volumeDevices: 'devicePath',
    hostAliases: 'ip',
    conditions: 'type',
    topologySpreadConstraints: 'topologyKey',
    // Container ports merge on containerPort, Service ports on port.
    ports: (items) => (items.some((i) => 'containerPort' in i) ? 'containerPort' : 'port'),
  };

const DIRECTIVE = '$patch';

function mergeKeyFor(field: string, items: readonly Record<string, unknown>[]): string | undefined {
  const key = MERGE_KEYS[field];
  return typeof key === 'function' ? key(items) : key;
}

function mergeList(current: readonly unknown[], patch: readonly unknown[], field: string): unknown[] {
  const records = patch.filter(isRecord);
  if (records.length !== patch.length) return clone([...patch]);
  if (records.some((r) => r[DIRECTIVE] === 'replace'))
    return records.filter((r) => r[DIRECTIVE] !== 'replace').map((r) => clone(r));
  const key = mergeKeyFor(field, [...current.filter(isRecord), ...records]);
  if (key === undefined) return clone([...patch]);
  const result = current.map((item) => clone(item));
  for (const item of records) {
    const index = result.findIndex((existing) => isRecord(existing) && existing[key] === item[key]);
    if (item[DIRECTIVE] === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = strategicMerge(result[index], item);
    } else {
      result.push(strategicMerge({}, item));
    }
  }
  return result;
}

/**
 * Applies a strategic merge patch: a JSON merge patch whose known lists (containers, env, ports, volumes, …)
 * merge by key, with the `$patch: delete` and `$patch: replace` directives.
 */
export function strategicMerge(current: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return clone(patch);
  if (patch[DIRECTIVE] === 'replace') {
    const { [DIRECTIVE]: _directive, ...rest } = patch;
    return clone(rest);
  }
  const result: Record<string, unknown> = isRecord(current) ? clone(current) : {};
  for (const [field, value] of Object.entries(patch)) {
    if (field === DIRECTIVE) continue;
    const existing = result[field];
    if (value === null) Reflect.deleteProperty(result, field);
    else if (Array.isArray(value) && Array.isArray(existing))
      result[field] = mergeList(existing, value, field);
    else if (Array.isArray(value)) result[field] = mergeList([], value, field);
    else result[field] = strategicMerge(existing, value);
  }
  return result;
}
