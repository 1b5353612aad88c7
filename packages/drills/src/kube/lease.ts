import { DrillError } from '../errors.js';
import { statusOf, type KubeApi, type KubeObject, type ObjectRef } from './object.js';

export interface LeaseOptions {
  readonly namespace?: string;
  readonly name?: string;
  readonly holder: string;
  readonly durationSeconds?: number;
  readonly now?: () => Date;
}

/** A held drill lock in one cluster. */
export interface HeldLease {
  readonly cluster: string;
  renew(): Promise<void>;
  release(): Promise<void>;
}

const microTime = (date: Date) => date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

function expired(lease: KubeObject, at: Date): boolean {
  const spec = lease.spec ?? {};
  const renewed = Date.parse(String(spec.renewTime ?? spec.acquireTime ?? 0));
  const duration = typeof spec.leaseDurationSeconds === 'number' ? spec.leaseDurationSeconds : 0;
  return !spec.holderIdentity || Number.isNaN(renewed) || renewed + duration * 1_000 < at.getTime();
}

/**
 * Takes the per-cluster drill lock (coordination.k8s.io/v1 Lease): create, or take over an expired lease by
 * replacing it with the read resourceVersion (a racing taker gets 409). No two drills run in a cluster at once.
 */
export async function acquireLease(api: KubeApi, options: LeaseOptions): Promise<HeldLease> {
  const clock = options.now ?? (() => new Date());
  const duration = options.durationSeconds ?? 30;
  const namespace = options.namespace ?? 'kube-system';
  const name = options.name ?? 'okemesh-drill';
  const ref: ObjectRef = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace, name };
  const spec = (transitions: number) => ({
    holderIdentity: options.holder,
    leaseDurationSeconds: duration,
    acquireTime: microTime(clock()),
    renewTime: microTime(clock()),
    leaseTransitions: transitions,
  });
  const locked = (holder: unknown) =>
    new DrillError(
      'DRILL_LOCKED',
      `cluster ${api.cluster} is locked by drill "${String(holder)}" (Lease ${namespace}/${name})`,
    );
  let current: KubeObject;
  try {
    current = await api.create(
      { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name, namespace }, spec: spec(0) },
      false,
    );
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
    const existing = await api.read(ref);
    if (!existing) return acquireLease(api, options);
    if (existing.spec?.holderIdentity !== options.holder && !expired(existing, clock()))
      throw locked(existing.spec?.holderIdentity);
    const transitions =
      typeof existing.spec?.leaseTransitions === 'number' ? existing.spec.leaseTransitions + 1 : 1;
    try {
      current = await api.replace({ ...existing, spec: spec(transitions) }, false);
    } catch (raceError) {
      if (statusOf(raceError) === 409) throw locked('another drill (takeover race)');
      throw raceError;
    }
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
