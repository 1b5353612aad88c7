import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDrillError } from '../src/errors.js';
import { acquireLease, releaseLeaseHeldBy } from '../src/kube/lease.js';
import { fakeCluster, type FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster;
const LEASE = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  namespace: 'kube-system',
  name: 'okemesh-drill',
};

beforeAll(async () => {
  cluster = await fakeCluster('primary-cluster');
});
afterAll(async () => cluster.fake.close());

describe('drill lock (coordination.k8s.io/v1 Lease)', () => {
  it('lets one drill hold a cluster; a second gets DRILL_LOCKED until release', async () => {
    const first = await acquireLease(cluster.api, { holder: 'drill-a' });
    expect(cluster.fake.get(LEASE)?.spec).toMatchObject({
      holderIdentity: 'drill-a',
      leaseDurationSeconds: 30,
      leaseTransitions: 0,
    });
    const error: unknown = await acquireLease(cluster.api, { holder: 'drill-b' }).catch((e: unknown) => e);
    expect(isDrillError(error) && error.code).toBe('DRILL_LOCKED');
    await first.renew();
    await first.release();
    expect(cluster.fake.get(LEASE)).toBeUndefined();
    const second = await acquireLease(cluster.api, { holder: 'drill-b' });
    await second.release();
  });

  it('takes over an expired lease with the read resourceVersion and counts the transition', async () => {
    const past = new Date(Date.now() - 120_000);
    await acquireLease(cluster.api, { holder: 'crashed', now: () => past });
    const taken = await acquireLease(cluster.api, { holder: 'drill-c' });
    expect(cluster.fake.get(LEASE)?.spec).toMatchObject({ holderIdentity: 'drill-c', leaseTransitions: 1 });
    expect(await releaseLeaseHeldBy(cluster.api, 'crashed')).toBe(false);
    expect(await releaseLeaseHeldBy(cluster.api, 'drill-c')).toBe(true);
    await taken.release();
  });

  it('loses a takeover race with 409 Conflict as DRILL_LOCKED', async () => {
    const past = new Date(Date.now() - 120_000);
    await acquireLease(cluster.api, { holder: 'crashed', now: () => past });
    cluster.fake.failNext({ method: 'PUT', path: /leases/, status: 409 });
    const error: unknown = await acquireLease(cluster.api, { holder: 'drill-d' }).catch((e: unknown) => e);
    expect(isDrillError(error) && error.message).toMatch(/takeover race/);
    cluster.fake.remove(LEASE);
  });
});
