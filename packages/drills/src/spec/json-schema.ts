import { z } from 'zod';
import { drillSchema } from './drill-schema.js';

/** JSON Schema (draft 2020-12) of drill files, for editors. */
export function drillJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(drillSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://okemesh.io/schemas/v1alpha1/drill.schema.json',
    title: 'okemesh Drill',
  };
}
