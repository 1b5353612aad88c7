import { DrillError } from '../errors.js';
import type { BlastRadius } from '../spec/primitives.js';

/** How many of `available` targets a blast radius takes: never 0 when any exist, never more than exist. */
export function radiusCount(radius: BlastRadius, available: number): number {
  if (available === 0) return 0;
  if (radius === 'all') return available;
  if ('count' in radius) return Math.min(available, radius.count);
  return Math.min(available, Math.max(1, Math.ceil((radius.percent / 100) * available)));
}

/**
 * Picks the targets of a fault at random (FIS COUNT/PERCENT). A fault that resolves no target fails the
 * drill before anything is mutated (Steadybit's rule), rather than "passing" a drill that did nothing.
 */
export function pickTargets<T>(
  items: readonly T[],
  radius: BlastRadius,
  what: string,
  random: () => number = Math.random,
): T[] {
  const count = radiusCount(radius, items.length);
  if (count === 0)
    throw new DrillError('DRILL_NO_TARGETS', `${what} resolved no target: nothing would be failed`);
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}
