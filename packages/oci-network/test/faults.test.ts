import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyNetwork, convergeDns, hasChanges, isOciNetworkError } from '../src/index.js';
import { mutating, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => h.stop());

/** Exactly the desired state: one DRG, one attachment, one RPC per region, rules present once. */
function assertConverged(): void {
  const live = (kind: string, states: readonly string[]) =>
    h.fake.store.list(kind, undefined).filter((r) => states.includes(String(r.lifecycleState)));
  expect(live('drg', ['PROVISIONING', 'AVAILABLE'])).toHaveLength(2);
  expect(live('drgAttachment', ['ATTACHING', 'ATTACHED'])).toHaveLength(2);
  const rpcs = live('rpc', ['PROVISIONING', 'AVAILABLE']);
  expect(rpcs).toHaveLength(2);
  expect(rpcs.map((r) => r.peeringStatus)).toEqual(['PEERED', 'PEERED']);
  for (const seeded of h.seeded) {
    for (const [rt, rules] of [
      // default route + the quick-create Services Network route (SERVICE_CIDR_BLOCK) + the peer VCN
      [seeded.routeTableIds.private, 3],
      [seeded.routeTableIds.public, 2],
    ] as const) {
      const destinations = (h.fake.store.get(rt, 'routeTable').routeRules as { destination: string }[]).map(
        (r) => r.destination,
      );
      expect(new Set(destinations).size).toBe(destinations.length);
      expect(destinations).toHaveLength(rules);
    }
    const lb = h.fake.store.get(seeded.securityListIds.loadBalancers, 'securityList')
      .ingressSecurityRules as unknown[];
    expect(lb).toHaveLength(2);
  }
}

describe('convergence under faults', () => {
  it.each([11, 37])('random 429/5xx and lost responses (seed %i): converges, no duplicates', async (seed) => {
    h = await startHarness({ faults: { rate: 0.25, dropRate: 0.2, statuses: [429, 500, 502, 503], seed } });
    await applyNetwork(h.topology, h.clients, h.options);
    await convergeDns(h.topology, h.clients, true, {
      ...h.options,
      ingressAddresses: { 'us-sanjose-1': '203.0.113.10', 'us-chicago-1': '198.51.100.20' },
    });
    const faulted = h.fake.requests.filter((r) => r.fault !== undefined);
    expect(faulted.some((r) => r.fault === 'drop')).toBe(true);
    expect(faulted.some((r) => r.fault === 'status')).toBe(true);
    h.fake.setFaults({});
    h.fake.clearLog();
    const again = await applyNetwork(h.topology, h.clients, h.options);
    expect(hasChanges(again)).toBe(false);
    expect(mutating(h.fake)).toEqual([]);
    assertConverged();
    expect(h.fake.store.list('steeringPolicy', undefined)).toHaveLength(1);
    expect(h.fake.store.list('httpMonitor', undefined)).toHaveLength(1);
  });

  it.each([1, 4, 8])(
    'aborted after %i mutating calls, a re-run converges to the same state',
    async (after) => {
      h = await startHarness();
      const controller = new AbortController();
      const options = {
        ...h.options,
        signal: controller.signal,
        onProgress: () => {
          if (mutating(h.fake).length >= after) controller.abort();
        },
      };
      const first = await applyNetwork(h.topology, h.clients, options).then(
        () => 'completed',
        (error: unknown) => (isOciNetworkError(error) ? error.code : 'other'),
      );
      expect(first).toBe('OCI_ABORTED');
      await applyNetwork(h.topology, h.clients, h.options);
      assertConverged();
      h.fake.clearLog();
      await applyNetwork(h.topology, h.clients, h.options);
      expect(mutating(h.fake)).toEqual([]);
    },
  );

  it('a lost create response is answered by the retry token, not duplicated', async () => {
    h = await startHarness({ faults: { dropRate: 1, seed: 3 } });
    const drop = h.fake.requests;
    await expect(
      applyNetwork(h.topology, h.clients, { ...h.options, timeouts: { drg: 300 } }),
    ).rejects.toThrow();
    h.fake.setFaults({});
    await applyNetwork(h.topology, h.clients, h.options);
    assertConverged();
    const creates = drop.filter((r) => r.operation === 'CreateDrg');
    const tokens = new Set(creates.map((r) => r.retryToken));
    expect(tokens.size).toBe(2);
  });
});
