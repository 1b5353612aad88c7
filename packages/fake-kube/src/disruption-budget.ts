import { isRecord, readPath } from './object.js';
import type { StoredObject } from './object.js';
import { matchesLabels, parseSelector, selectorText } from './selector.js';
import { isPodReady } from './workload.js';

/** `minAvailable`/`maxUnavailable` as an absolute count (percentages of the expected pods, rounded up). */
function absolute(value: unknown, expected: number): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+%$/.test(value))
    return Math.ceil((Number(value.slice(0, -1)) * expected) / 100);
  return undefined;
}

function selects(pdb: StoredObject, pod: StoredObject): boolean {
  const matchLabels = readPath(pdb, 'spec.selector.matchLabels');
  if (!isRecord(matchLabels)) return false;
  return matchesLabels(
    parseSelector(selectorText(matchLabels as Record<string, string>)),
    pod.metadata.labels,
  );
}

/**
 * The PodDisruptionBudget an eviction of `pod` would violate, if any: with the pod gone, fewer than
 * `minAvailable` Ready pods would remain, or more than `maxUnavailable` would be unavailable.
 * Only `matchLabels` selectors are evaluated.
 */
export function violatedBudget(
  pod: StoredObject,
  budgets: readonly StoredObject[],
  pods: readonly StoredObject[],
): StoredObject | undefined {
  if (!isPodReady(pod)) return undefined;
  return budgets.find((pdb) => {
    if (!selects(pdb, pod)) return false;
    const covered = pods.filter((p) => selects(pdb, p));
    const healthy = covered.filter(isPodReady).length;
    const minAvailable = absolute(readPath(pdb, 'spec.minAvailable'), covered.length);
    const maxUnavailable = absolute(readPath(pdb, 'spec.maxUnavailable'), covered.length);
    if (minAvailable !== undefined && healthy - 1 < minAvailable) return true;
    return maxUnavailable !== undefined && covered.length - healthy + 1 > maxUnavailable;
  });
}
