import { parseDuration } from '@okemesh/topology';
import { z } from 'zod';

export const duration = z.string().refine((value) => parseDuration(value) !== undefined, {
  error: (issue) => `"${String(issue.input)}" is not a duration; write it like 500ms, 30s or 5m`,
});

export const name = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label: lowercase letters, digits and "-"');

/** Kubernetes label selector in its string form, e.g. `app=reviews,version!=v3`. */
export const labelSelector = z
  .string()
  .min(1)
  .regex(/^[^\s]+(\s*,\s*[^\s]+)*$/, 'must be a label selector such as app=reviews');

/** FIS-style blast radius: ALL, COUNT(n) or PERCENT(n) of the resolved targets (at least one target always). */
export const blastRadius = z
  .union([
    z.literal('all'),
    z.strictObject({ count: z.int().min(1) }),
    z.strictObject({ percent: z.number().gt(0).max(100) }),
  ])
  .default('all');

export type BlastRadius = z.infer<typeof blastRadius>;
