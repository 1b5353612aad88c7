import { DrillError } from '../errors.js';
import { statusOf, type KubeApi, type KubeObject, type ObjectRef } from './object.js';

export interface LeaseOptions {
  readonly namespace?: string;
  readonly name?: string;
  readonly holder: string;
  readonly durationSeconds?: number;
  readonly now?: () => Date;
  /** The holder's journal path, recorded on the Lease so a blocked drill can say what to recover. */
  readonly journal?: string;
}

/** A held drill lock in one cluster. */
export interface HeldLease {
  readonly cluster: string;
  renew(): Promise<void>;
  release(): Promise<void>;
}

const microTime = (date: Date) => date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/** The annotation that names the holder's journal, the file `okemesh drill recover` takes. */
export const JOURNAL_ANNOTATION = 'okemesh.io/drill-journal';

/** When the holder last renewed, and whether it is still alive (renewed within its lease duration). */
function liveness(lease: KubeObject, at: Date): { alive: boolean; renewedAgoSeconds: number | undefined } {
  const spec = lease.spec ?? {};
  const renewed = Date.parse(String(spec.renewTime ?? spec.acquireTime ?? ''));
  const duration = typeof spec.leaseDurationSeconds === 'number' ? spec.leaseDurationSeconds : 0;
  if (Number.isNaN(renewed)) return { alive: false, renewedAgoSeconds: undefined };
  return {
    alive: renewed + duration * 1_000 >= at.getTime(),
    renewedAgoSeconds: Math.max(0, Math.round((at.getTime() - renewed) / 1_000)),
  };
}

function lockedBy(cluster: string, lease: KubeObject, at: Date, where: string): DrillError {
  const holder = String(lease.spec?.holderIdentity ?? 'unknown');
  const journal = lease.metadata?.annotations?.[JOURNAL_ANNOTATION];
  const { alive, renewedAgoSeconds } = liveness(lease, at);
  const ago = renewedAgoSeconds === undefined ? 'never renewed' : `last renewed ${renewedAgoSeconds} s ago`;
  const recover = journal
    ? `okemesh drill recover ${journal}`
    : `okemesh drill recover <journal of ${holder}>`;
  const message = alive
    ? `cluster ${cluster} is locked by drill "${holder}", which is running (${ago}; journal ${journal ?? 'unknown'}); wait for it to finish`
    : `cluster ${cluster} is locked by drill "${holder}", which is not alive (${ago}) and was never recovered: its faults may still be in place. Run ${recover} first; okemesh never takes over an unrecovered drill's lock`;
  return new DrillError('DRILL_LOCKED', message, {
    details: [
      `holder: ${holder}`,
      `alive: ${alive ? 'yes' : 'no'}`,
      `journal: ${journal ?? 'unknown'}`,
      `lease: ${where}`,
    ],
  });
}

/**
 * Takes the per-cluster drill lock (coordination.k8s.io/v1 Lease) by creating it; the Lease names the holder's
 * journal. An existing Lease of another drill is never taken over, even once expired: a drill that died left
 * its faults in place until `drill recover` reverts them and deletes the Lease. No two drills run in a cluster
 * at once, and none reports PASS over another's live faults.
 */
export async function acquireLease(api: KubeApi, options: LeaseOptions): Promise<HeldLease> {
  const clock = options.now ?? (() => new Date());
  const duration = options.durationSeconds ?? 30;
  const namespace = options.namespace ?? 'kube-system';
  const name = options.name ?? 'okemesh-drill';
  const ref: ObjectRef = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace, name };
  const annotations = options.journal ? { [JOURNAL_ANNOTATION]: options.journal } : undefined;
  let current: KubeObject;
  try {
    current = await api.create(
      {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
        spec: {
          holderIdentity: options.holder,
          leaseDurationSeconds: duration,
          acquireTime: microTime(clock()),
          renewTime: microTime(clock()),
          leaseTransitions: 0,
        },
      },
      false,
    );
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
    const existing = await api.read(ref);
    if (!existing) return acquireLease(api, options);
    if (existing.spec?.holderIdentity !== options.holder)
      throw lockedBy(api.cluster, existing, clock(), `${namespace}/${name}`);
    current = existing;
  }
  return {
    cluster: api.cluster,
    async renew() {
      current = await api.replace(
        { ...current, spec: { ...current.spec, renewTime: microTime(clock()) } },
        false,
      );
    },
    async release() {
      const latest = await api.read(ref);
      if (latest?.spec?.holderIdentity === options.holder) await api.delete(ref, { dryRun: false });
    },
  };
}

/** Deletes the drill Lease if `holder` still holds it (used by `drill recover` after a crash). */
export async function releaseLeaseHeldBy(
  api: KubeApi,
  holder: string,
  options: { namespace?: string; name?: string } = {},
): Promise<boolean> {
  const ref: ObjectRef = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    namespace: options.namespace ?? 'kube-system',
    name: options.name ?? 'okemesh-drill',
  };
  const lease = await api.read(ref);
  if (lease?.spec?.holderIdentity !== holder) return false;
  await api.delete(ref, { dryRun: false });
  return true;
}
