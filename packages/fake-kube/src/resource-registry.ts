import { BUILTIN_TYPES, parseApiVersion, storageKey } from './resources.js';
import type { ResourceType } from './resources.js';

/**
 * The resources one fake cluster serves: the built-ins plus the custom resources of its
 * CustomResourceDefinitions (registered and removed as CRDs come and go).
 */
export class ResourceRegistry {
  private readonly custom = new Map<string, ResourceType>();

  all(): readonly ResourceType[] {
    return [...BUILTIN_TYPES, ...this.custom.values()];
  }

  /** The resource served at `group/version` under its plural name. */
  find(group: string, version: string, resource: string): ResourceType | undefined {
    return this.all().find(
      (t) => t.group === group && t.resource === resource && t.versions.includes(version),
    );
  }

  /** The resource of an object's `apiVersion` and `kind`. */
  findKind(apiVersion: string, kind: string): ResourceType | undefined {
    const { group, version } = parseApiVersion(apiVersion);
    return this.all().find((t) => t.group === group && t.kind === kind && t.versions.includes(version));
  }

  /** Non-core groups, each with every version it serves (first = preferred). */
  groups(): ReadonlyMap<string, readonly string[]> {
    const groups = new Map<string, string[]>();
    for (const t of this.all()) {
      if (t.group === '') continue;
      const versions = groups.get(t.group) ?? [];
      for (const v of t.versions) if (!versions.includes(v)) versions.push(v);
      groups.set(t.group, versions);
    }
    return groups;
  }

  /** Registers (or redefines) a custom resource; built-in group/resources cannot be replaced. */
  register(type: ResourceType): boolean {
    const key = storageKey(type);
    if (BUILTIN_TYPES.some((t) => storageKey(t) === key)) return false;
    this.custom.set(key, type);
    return true;
  }

  unregister(key: string): ResourceType | undefined {
    const type = this.custom.get(key);
    this.custom.delete(key);
    return type;
  }
}
