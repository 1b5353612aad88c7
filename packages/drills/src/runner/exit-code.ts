import type { DrillOutcome } from '../report/result.js';

/** Process exit code of a drill: 0 pass, 1 SLO breached, 3 aborted (rolled back), 4 error. */
export function outcomeExitCode(outcome: DrillOutcome): number {
  return { pass: 0, fail: 1, aborted: 3, error: 4 }[outcome];
}
