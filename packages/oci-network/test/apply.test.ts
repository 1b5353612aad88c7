import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyNetwork, destroyNetwork, hasChanges, planNetwork, summarizePlan } from '../src/index.js';
import { mutating, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  h = await startHarness();
});
afterEach(() => h.stop());

function routeRules(rtId: string) {
  return h.fake.store.get(rtId, 'routeTable').routeRules as {
    destination: string;
    networkEntityId: string;
    description?: string;
  }[];
}
function ingressRules(slId: string) {
  return h.fake.store.get(slId, 'securityList').ingressSecurityRules as {
    source: string;
    tcpOptions?: { destinationPortRange?: { min: number } };
    description?: string;
  }[];
}

describe('network apply against the fake', () => {
  it('plans creates, converges, and a second apply makes zero mutating calls', async () => {
    const before = await planNetwork(h.topology, h.clients, h.options);
    expect(summarizePlan(before).create).toBeGreaterThanOrEqual(6);
    expect(mutating(h.fake)).toHaveLength(0);

    await applyNetwork(h.topology, h.clients, h.options);
    const [sj, chi] = h.seeded;
    if (!sj || !chi) throw new Error('seed');
    const drgs = h.fake.store.list('drg', undefined);
    expect(drgs).toHaveLength(2);
    const rpcs = h.fake.store.list('rpc', undefined);
    expect(rpcs.map((r) => r.peeringStatus)).toEqual(['PEERED', 'PEERED']);
    const sjDrg = drgs.find((d) => String(d.id).includes('us-sanjose-1'));
    const rules = routeRules(sj.routeTableIds.private);
    expect(rules.find((r) => r.destination === '10.1.0.0/16')?.networkEntityId).toBe(sjDrg?.id);
    expect(rules.find((r) => r.destination === '0.0.0.0/0')).toBeDefined();
    expect(routeRules(sj.routeTableIds.public).some((r) => r.destination === '10.1.0.0/16')).toBe(true);
    const lb = ingressRules(sj.securityListIds.loadBalancers).filter((r) => r.source === '10.1.0.0/16');
    expect(lb.map((r) => r.tcpOptions?.destinationPortRange?.min)).toEqual([15443]);
    const api = ingressRules(sj.securityListIds.endpoint).filter((r) => r.source === '10.1.0.0/16');
    expect(api.map((r) => r.tcpOptions?.destinationPortRange?.min)).toEqual([6443]);
    expect(ingressRules(sj.securityListIds.nodes).some((r) => r.source === '10.1.0.0/16')).toBe(false);
    expect(ingressRules(chi.securityListIds.loadBalancers).some((r) => r.source === '10.0.0.0/16')).toBe(
      true,
    );
    // connect was called once, from the requestor (primary) region
    const connects = h.fake.requests.filter(
      (r) => r.operation === 'ConnectRemotePeeringConnections' && r.status === 200,
    );
    expect(connects.map((r) => r.region)).toEqual(['us-sanjose-1']);

    h.fake.clearLog();
    const again = await applyNetwork(h.topology, h.clients, h.options);
    expect(mutating(h.fake)).toEqual([]);
    expect(hasChanges(again)).toBe(false);
  });

  it('keeps rules someone else added, and re-adds its own if they were removed', async () => {
    await applyNetwork(h.topology, h.clients, h.options);
    const [sj] = h.seeded;
    if (!sj) throw new Error('seed');
    const rt = sj.routeTableIds.private;
    const foreign = {
      destination: '192.168.0.0/16',
      destinationType: 'CIDR_BLOCK',
      networkEntityId: 'ocid1.localpeeringgateway.oc1.us-sanjose-1.x',
      description: 'team-b',
    };
    const ownedless = routeRules(rt).filter((r) => !r.description?.startsWith('okemesh:'));
    h.fake.store.update(rt, { routeRules: [...ownedless, foreign] });
    const sl = sj.securityListIds.loadBalancers;
    const foreignIngress = {
      source: '172.16.0.0/12',
      protocol: '6',
      tcpOptions: { destinationPortRange: { min: 8443, max: 8443 } },
    };
    h.fake.store.update(sl, { ingressSecurityRules: [...ingressRules(sl), foreignIngress] });

    const plan = await applyNetwork(h.topology, h.clients, h.options);
    expect(plan.changes.find((c) => c.id === rt)?.action).toBe('update');
    expect(routeRules(rt).map((r) => r.destination)).toEqual(
      expect.arrayContaining(['0.0.0.0/0', '192.168.0.0/16', '10.1.0.0/16']),
    );
    expect(ingressRules(sl)).toContainEqual(foreignIngress);
    const updates = h.fake.requests.filter((r) => r.operation === 'UpdateRouteTable');
    expect(updates.length).toBeGreaterThan(0);
  });

  it('a concurrent writer between GET and PUT causes 412, a re-read, and both rules survive', async () => {
    const [sj] = h.seeded;
    if (!sj) throw new Error('seed');
    const rt = sj.routeTableIds.private;
    const theirs = {
      destination: '172.20.0.0/16',
      destinationType: 'CIDR_BLOCK',
      networkEntityId: 'ocid1.natgateway.oc1..other',
      description: 'written concurrently',
    };
    let raced = false;
    h.fake.onBeforeHandle(({ method, path }) => {
      if (method === 'PUT' && path === `/routeTables/${rt}` && !raced) {
        raced = true;
        h.fake.store.update(rt, { routeRules: [...routeRules(rt), theirs] });
      }
    });
    await applyNetwork(h.topology, h.clients, h.options);
    const puts = h.fake.requests
      .filter((r) => r.method === 'PUT' && r.path === `/routeTables/${rt}`)
      .map((r) => r.status);
    expect(puts).toEqual([412, 200]);
    expect(routeRules(rt).map((r) => r.destination)).toEqual([
      '0.0.0.0/0',
      'all-sjc-services-in-oracle-services-network',
      '172.20.0.0/16',
      '10.1.0.0/16',
    ]);
  });

  it('destroy removes only what okemesh owns, in reverse order', async () => {
    await applyNetwork(h.topology, h.clients, h.options);
    const [sj] = h.seeded;
    if (!sj) throw new Error('seed');
    h.fake.clearLog();
    const plan = await destroyNetwork(h.topology, h.clients, { ...h.options, apply: true });
    expect(plan.changes.filter((c) => c.action === 'delete').map((c) => c.resource)).toEqual(
      expect.arrayContaining(['remote-peering-connection', 'drg-attachment', 'drg']),
    );
    expect(h.fake.store.list('drg', undefined).filter((d) => d.lifecycleState !== 'TERMINATED')).toEqual([]);
    // What quick-create put there survives, including the SERVICE_CIDR_BLOCK route to the service gateway.
    expect(routeRules(sj.routeTableIds.private)).toEqual([
      expect.objectContaining({ destination: '0.0.0.0/0', destinationType: 'CIDR_BLOCK' }),
      expect.objectContaining({
        destination: 'all-sjc-services-in-oracle-services-network',
        destinationType: 'SERVICE_CIDR_BLOCK',
        networkEntityId: expect.stringMatching(/^ocid1\.servicegateway\./),
      }),
    ]);
    expect(ingressRules(sj.securityListIds.loadBalancers).map((r) => r.source)).toEqual(['0.0.0.0/0']);
    const order = h.fake.requests
      .filter((r) => r.method === 'DELETE' && r.region === 'us-sanjose-1')
      .map((r) => r.operation);
    expect(order).toEqual(['DeleteRemotePeeringConnection', 'DeleteDrgAttachment', 'DeleteDrg']);
    // and it can be applied again afterwards (fresh retry tokens for the re-created resources)
    await applyNetwork(h.topology, h.clients, h.options);
    expect(h.fake.store.list('drg', undefined).filter((d) => d.lifecycleState === 'AVAILABLE')).toHaveLength(
      2,
    );
  });

  it('adopts a DRG the VCN is already attached to and never deletes it', async () => {
    const [sj] = h.seeded;
    if (!sj) throw new Error('seed');
    const { network } = h.clients.for('us-sanjose-1');
    const compartmentId = h.topology.spec.clusters[0]?.compartment ?? '';
    const { drg } = await network.createDrg({ createDrgDetails: { compartmentId, displayName: 'team-drg' } });
    await new Promise((r) => setTimeout(r, 60));
    await network.createDrgAttachment({
      createDrgAttachmentDetails: { drgId: drg.id, networkDetails: { type: 'VCN', id: sj.vcnId } as never },
    });
    const plan = await applyNetwork(h.topology, h.clients, h.options);
    expect(plan.changes.find((c) => c.resource === 'drg' && c.region === 'us-sanjose-1')?.action).toBe(
      'adopt',
    );
    await destroyNetwork(h.topology, h.clients, { ...h.options, apply: true });
    expect(h.fake.store.get(drg.id, 'drg').lifecycleState).toBe('AVAILABLE');
  });

  it('a revoked acceptor is reported as a peering failure, not retried forever', async () => {
    await applyNetwork(h.topology, h.clients, h.options);
    const requestor = h.fake.store.list('rpc', undefined).find((r) => String(r.id).includes('us-sanjose-1'));
    if (!requestor) throw new Error('rpc');
    await h.clients
      .for('us-sanjose-1')
      .network.deleteRemotePeeringConnection({ remotePeeringConnectionId: String(requestor.id) });
    await new Promise((r) => setTimeout(r, 80));
    await expect(applyNetwork(h.topology, h.clients, h.options)).rejects.toMatchObject({
      code: 'OCI_PEERING_FAILED',
      message: expect.stringMatching(/REVOKED and cannot be connected again/),
    });
  });

  it('NSG mode creates one owned NSG per VCN with exactly the Istio rules', async () => {
    const options = { ...h.options, ingressMode: 'nsg' as const };
    await applyNetwork(h.topology, h.clients, options);
    const nsgs = h.fake.store.list('nsg', undefined);
    expect(nsgs).toHaveLength(2);
    const rules = nsgs[0]?.securityRules as {
      source: string;
      tcpOptions: { destinationPortRange: { min: number } };
    }[];
    expect(rules.map((r) => r.tcpOptions.destinationPortRange.min).sort()).toEqual([15443, 6443].sort());
    h.fake.clearLog();
    await applyNetwork(h.topology, h.clients, options);
    expect(mutating(h.fake)).toEqual([]);
  });
});
