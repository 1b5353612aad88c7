import { releaseLeaseHeldBy } from '../kube/lease.js';
import { Journal } from './journal.js';
import type { FaultDeps } from './ports.js';
import { revertAll, type RevertOptions } from './revert.js';

export interface RecoverReport {
  readonly journal: string;
  readonly drill: string;
  /** Mutations reverted now. */
  readonly reverted: readonly string[];
  readonly failures: readonly string[];
  /** Clusters whose drill lock this recovery released. */
  readonly releasedLocks: readonly string[];
}

/**
 * Reverts everything a crashed or SIGKILLed drill left in effect, from its journal: every mutation not yet
 * marked reverted (pending ones included: their revert is idempotent), then releases its Leases.
 */
export async function recoverFromJournal(
  path: string,
  deps: FaultDeps,
  options: RevertOptions & { leaseNamespace?: string } = {},
): Promise<RecoverReport> {
  const journal = await Journal.load(path);
  const outstanding = journal.outstanding();
  const failures = await revertAll(journal, deps, options);
  const reverted = outstanding.filter((m) => m.state === 'reverted').map((m) => m.description);
  const releasedLocks: string[] = [];
  for (const api of deps.apis.values()) {
    if (
      await releaseLeaseHeldBy(
        api,
        journal.id,
        options.leaseNamespace ? { namespace: options.leaseNamespace } : {},
      )
    )
      releasedLocks.push(api.cluster);
  }
  await journal.phase('recovered');
  if (failures.length === 0) await journal.setStatus('recovered');
  return { journal: path, drill: journal.data.drill, reverted, failures, releasedLocks };
}
