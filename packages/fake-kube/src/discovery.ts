import type { ResourceRegistry } from './resource-registry.js';
import { apiVersionOf } from './resources.js';
import type { ResourceType } from './resources.js';

export interface ServerVersion {
  readonly major: string;
  readonly minor: string;
  readonly gitVersion: string;
}

export const DEFAULT_VERSION: ServerVersion = { major: '1', minor: '31', gitVersion: 'v1.31.1' };

const READ = ['get', 'list', 'watch'];
const ALL = ['create', 'delete', 'deletecollection', ...READ, 'patch', 'update'];

/** `GET /version`. */
export function versionDocument(version: ServerVersion): Record<string, string> {
  return {
    ...version,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.22.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** `GET /api`. */
export function coreVersions(): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
  };
}

/** `GET /apis`. */
export function groupList(registry: ResourceRegistry): Record<string, unknown> {
  const groups = [...registry.groups()].map(([name, versions]) => {
    const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
    return { name, versions: entries, preferredVersion: entries[0] };
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** `GET /apis/{group}`; `undefined` when the group is not served. */
export function groupDocument(
  registry: ResourceRegistry,
  group: string,
): Record<string, unknown> | undefined {
  const versions = registry.groups().get(group);
  if (versions === undefined) return undefined;
  const entries = versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: entries, preferredVersion: entries[0] };
}

function subresourceEntries(type: ResourceType): Record<string, unknown>[] {
  return type.subresources.map((sub) => {
    switch (sub) {
      case 'status':
        return {
          name: `${type.resource}/status`,
          singularName: '',
          namespaced: type.namespaced,
          kind: type.kind,
          verbs: ['get', 'patch', 'update'],
        };
      case 'scale':
        return {
          name: `${type.resource}/scale`,
          singularName: '',
          namespaced: true,
          group: 'autoscaling',
          version: 'v1',
          kind: 'Scale',
          verbs: ['get', 'patch', 'update'],
        };
      case 'token':
        return {
          name: `${type.resource}/token`,
          singularName: '',
          namespaced: true,
          group: 'authentication.k8s.io',
          version: 'v1',
          kind: 'TokenRequest',
          verbs: ['create'],
        };
      case 'eviction':
        return {
          name: `${type.resource}/eviction`,
          singularName: '',
          namespaced: true,
          group: 'policy',
          version: 'v1',
          kind: 'Eviction',
          verbs: ['create'],
        };
    }
  });
}

/** `GET /api/v1` or `GET /apis/{group}/{version}`; `undefined` when nothing is served there. */
export function resourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const types = registry.all().filter((t) => t.group === group && t.versions.includes(version));
  if (types.length === 0) return undefined;
  const resources = types.flatMap((t) => [
    {
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: ALL,
      ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
    },
    ...subresourceEntries(t),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(group, version), resources };
}
