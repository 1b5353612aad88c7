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

  it('never takes over the expired lease of a drill that died: DRILL_LOCKED names it, not alive, and its journal', async () => {
    const past = new Date(Date.now() - 120_000);
    await acquireLease(cluster.api, { holder: 'crashed', journal: '/runs/crashed.json', now: () => past });
    const error: unknown = await acquireLease(cluster.api, { holder: 'drill-c' }).catch((e: unknown) => e);
    expect(isDrillError(error) && error.code).toBe('DRILL_LOCKED');
    const message = (error as Error).message;
    expect(message).toContain('locked by drill "crashed", which is not alive (last renewed 120 s ago)');
    expect(message).toContain('Run okemesh drill recover /runs/crashed.json first');
    expect((error as { details: string[] }).details).toEqual([
      'holder: crashed',
      'alive: no',
      'journal: /runs/crashed.json',
      'lease: kube-system/okemesh-drill',
    ]);
    expect(cluster.fake.get(LEASE)?.spec).toMatchObject({ holderIdentity: 'crashed' });
    // What `drill recover` does after reverting: the lock is released and the next drill gets it.
    expect(await releaseLeaseHeldBy(cluster.api, 'crashed')).toBe(true);
    const next = await acquireLease(cluster.api, { holder: 'drill-c' });
    expect(cluster.fake.get(LEASE)?.spec).toMatchObject({ holderIdentity: 'drill-c' });
    await next.release();
  });

  it('a live holder is reported as running, with its journal', async () => {
    const held = await acquireLease(cluster.api, { holder: 'drill-e', journal: 'runs/e.json' });
    const error: unknown = await acquireLease(cluster.api, { holder: 'drill-f' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /locked by drill "drill-e", which is running \(last renewed \d+ s ago; journal runs\/e\.json\)/,
    );
    expect(cluster.fake.get(LEASE)?.metadata?.annotations).toEqual({
      'okemesh.io/drill-journal': 'runs/e.json',
    });
    await held.release();
  });
});
