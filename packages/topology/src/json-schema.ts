import { z } from 'zod';
import { topologySchema } from './schema/topology.js';

/** JSON Schema (draft 2020-12) of mesh.yaml, for editors (`# yaml-language-server: $schema=...`). */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(topologySchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://okemesh.io/schemas/v1alpha1/mesh.schema.json',
    title: 'okemesh MeshTopology',
  };
}
