import type { Entity } from '@backstage/catalog-model';

/**
 * Where an entity's okemesh topology (mesh.yaml) lives: a URL, or a path relative to the entity's
 * catalog-info.yaml (`./mesh.yaml`), read by the backend with its own URL reader.
 */
export const OKEMESH_TOPOLOGY_ANNOTATION = 'okemesh.io/topology';

/** The plugin id every okemesh Backstage package registers under. */
export const OKEMESH_PLUGIN_ID = 'okemesh';

/** The annotation's value, or undefined when the entity has none (or an empty one). */
export function topologyAnnotation(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[OKEMESH_TOPOLOGY_ANNOTATION]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Whether the Failover tab and card apply to this entity. */
export function isOkemeshAvailable(entity: Entity): boolean {
  return topologyAnnotation(entity) !== undefined;
}
