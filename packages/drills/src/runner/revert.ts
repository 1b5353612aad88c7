import { sleep } from '../clock.js';
import { DrillError } from '../errors.js';
import type { KubeApi } from '../kube/object.js';
import { isPodReady } from '../kube/workload-faults.js';
import type { Journal } from './journal.js';
import type { RevertAction } from './mutation.js';
import type { FaultDeps } from './ports.js';

export interface RevertOptions {
  /** How long to wait for replaced pods to become Ready. */
  readonly podWaitMs?: number;
}

function apiFor(deps: FaultDeps, cluster: string): KubeApi {
  const api = deps.apis.get(cluster);
  if (!api) throw new DrillError('DRILL_ROLLBACK_FAILED', `no Kubernetes API for cluster ${cluster}`);
  return api;
}

async function awaitPods(
  api: KubeApi,
  action: Extract<RevertAction, { type: 'await-pods' }>,
  waitMs: number,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const pods = await api.list(
      { apiVersion: 'v1', kind: 'Pod', namespace: action.namespace },
      action.selector,
    );
    const ready = pods.filter((p) => p.metadata.deletionTimestamp === undefined && isPodReady(p)).length;
    if (ready >= action.ready) return;
    if (Date.now() > deadline) {
      throw new DrillError(
        'DRILL_ROLLBACK_FAILED',
        `only ${ready}/${action.ready} pods ${action.namespace}/${action.selector} Ready in ${api.cluster} after ${waitMs} ms`,
      );
    }
    await sleep(250);
  }
}

/** Undoes one mutation. Every action is idempotent: replaying a journal twice is safe. */
export async function revertAction(
  action: RevertAction,
  deps: FaultDeps,
  options: RevertOptions = {},
): Promise<void> {
  switch (action.type) {
    case 'restore-replicas':
      await apiFor(deps, action.cluster).patch(action.ref, { spec: { replicas: action.replicas } }, false);
      return;
    case 'delete-object':
      await apiFor(deps, action.cluster).delete(action.ref, { dryRun: false });
      return;
    case 'uncordon':
      await apiFor(deps, action.cluster).patch(action.ref, { spec: { unschedulable: false } }, false);
      return;
    case 'remove-routes': {
      const api = apiFor(deps, action.cluster);
      const current = await api.read(action.ref);
      if (!current) return;
      const http = ((current.spec?.http ?? []) as { name?: string }[]).filter(
        (r) => r.name !== action.routeName,
      );
      await api.replace({ ...current, spec: { ...current.spec, http } }, false);
      return;
    }
    case 'await-pods':
      await awaitPods(apiFor(deps, action.cluster), action, options.podWaitMs ?? 60_000);
      return;
    case 'command':
      if (!deps.commands)
        throw new DrillError(
          'DRILL_ROLLBACK_FAILED',
          `cannot run revert command ${action.argv.join(' ')}: no command runner`,
        );
      await deps.commands(action.argv);
      return;
    case 'adb-switchover':
      if (!deps.adb)
        throw new DrillError(
          'DRILL_ROLLBACK_FAILED',
          'cannot switch the Autonomous Database back: no OCI client',
        );
      // Switching back: the old primary (databaseId) must be a settled standby, its peer a settled primary.
      await deps.adb.waitAvailable(action.databaseId, 'STANDBY');
      await deps.adb.waitAvailable(action.peerDatabaseId, 'PRIMARY');
      await deps.adb.switchover(action.databaseId, action.peerDatabaseId);
      return;
    case 'none':
      return;
  }
}

/** Reverts every outstanding mutation of a journal, newest first; keeps going past failures and reports them. */
export async function revertAll(
  journal: Journal,
  deps: FaultDeps,
  options: RevertOptions = {},
): Promise<string[]> {
  const failures: string[] = [];
  for (const mutation of journal.outstanding()) {
    try {
      await revertAction(mutation.revert, deps, options);
      await journal.mark(mutation, 'reverted');
    } catch (error) {
      const message = `revert of "${mutation.description}" failed: ${error instanceof Error ? error.message : String(error)}`;
      failures.push(message);
      await journal.mark(mutation, 'revert-failed', message);
    }
  }
  return failures;
}
