import type { DrillOutcome } from '../report/result.js';

/**
 * Process exit code of a drill: 0 pass, 1 SLO breached, 3 aborted (rolled back), 5 error from the environment
 * (the cluster is locked, a fault or a revert failed, an API refused), 4 an unexpected internal error.
 */
export function outcomeExitCode(outcome: DrillOutcome, internal = false): number {
  if (outcome === 'error') return internal ? 4 : 5;
  return { pass: 0, fail: 1, aborted: 3 }[outcome];
}
