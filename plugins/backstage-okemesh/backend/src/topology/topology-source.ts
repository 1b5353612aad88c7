import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { getEntitySourceLocation, type Entity } from '@backstage/catalog-model';
import { topologyAnnotation } from '@okemesh/backstage-plugin-okemesh-common';
import { OkemeshBackendError } from '../errors.js';

const hasScheme = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);

/**
 * Where the entity's topology lives: the annotation as an absolute URL (an optional `url:` prefix is
 * accepted), or a path relative to the entity's source location.
 */
export function topologyUrl(entity: Entity, entityRef: string): string {
  const raw = topologyAnnotation(entity);
  if (raw === undefined) {
    throw new OkemeshBackendError(
      'OKEMESH_NO_ANNOTATION',
      `${entityRef} has no okemesh.io/topology annotation`,
    );
  }
  const value = raw.startsWith('url:') ? raw.slice('url:'.length) : raw;
  if (hasScheme(value)) return value;
  let base: { type: string; target: string };
  try {
    base = getEntitySourceLocation(entity);
  } catch (error) {
    throw new OkemeshBackendError(
      'OKEMESH_TOPOLOGY_UNREADABLE',
      `${entityRef}: okemesh.io/topology is the relative path "${value}" but the entity has no source location`,
      error,
    );
  }
  if (base.type !== 'url') {
    throw new OkemeshBackendError(
      'OKEMESH_TOPOLOGY_UNREADABLE',
      `${entityRef}: a relative okemesh.io/topology needs a url source location, not ${base.type}`,
    );
  }
  return new URL(value, base.target).toString();
}

/** Reads the topology text with the backend's URL reader (its integrations hold any credentials). */
export async function readTopologyText(
  reader: UrlReaderService,
  entity: Entity,
  entityRef: string,
): Promise<{ source: string; text: string }> {
  const source = topologyUrl(entity, entityRef);
  try {
    const response = await reader.readUrl(source);
    return { source, text: (await response.buffer()).toString('utf8') };
  } catch (error) {
    throw new OkemeshBackendError(
      'OKEMESH_TOPOLOGY_UNREADABLE',
      `${entityRef}: cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
}
