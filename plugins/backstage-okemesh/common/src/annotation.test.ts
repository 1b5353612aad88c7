import type { Entity } from '@backstage/catalog-model';
import { describe, expect, it } from 'vitest';
import { OKEMESH_TOPOLOGY_ANNOTATION, isOkemeshAvailable, topologyAnnotation } from './annotation.js';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', ...(annotations ? { annotations } : {}) },
});

describe('okemesh.io/topology annotation', () => {
  it('is the documented key', () => {
    expect(OKEMESH_TOPOLOGY_ANNOTATION).toBe('okemesh.io/topology');
  });

  it('makes the plugin available only when set to a non-blank value', () => {
    expect(isOkemeshAvailable(entity({ 'okemesh.io/topology': './mesh.yaml' }))).toBe(true);
    expect(isOkemeshAvailable(entity({ 'okemesh.io/topology': '  ' }))).toBe(false);
    expect(isOkemeshAvailable(entity({ 'backstage.io/techdocs-ref': 'dir:.' }))).toBe(false);
    expect(isOkemeshAvailable(entity())).toBe(false);
  });

  it('returns the trimmed value', () => {
    expect(topologyAnnotation(entity({ 'okemesh.io/topology': ' ./mesh.yaml ' }))).toBe('./mesh.yaml');
  });
});
