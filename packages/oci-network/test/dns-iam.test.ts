import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkDiscoveredCluster,
  convergeDns,
  convergeIam,
  destroyDns,
  discoverCluster,
  hasChanges,
  iamStatements,
} from '../src/index.js';
import { mutating, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  h = await startHarness();
});
afterEach(() => h.stop());

const addresses = { 'us-sanjose-1': '203.0.113.10', 'us-chicago-1': '198.51.100.20' };

describe('DNS failover against the fake', () => {
  it('creates monitor → FAILOVER policy → attachment, then is a no-op', async () => {
    const plan = await convergeDns(h.topology, h.clients, true, {
      ...h.options,
      ingressAddresses: addresses,
    });
    expect(plan.changes.map((c) => `${c.resource}:${c.action}`)).toEqual([
      'health-monitor:create',
      'steering-policy:create',
      'steering-policy-attachment:create',
    ]);
    const [monitor] = h.fake.store.list('httpMonitor', undefined);
    expect(monitor?.targets).toEqual(['203.0.113.10', '198.51.100.20']);
    expect(monitor?.intervalInSeconds).toBe(10);
    // Probes target bare IPs: without Host the host-bound ingress Gateway answers 404 (issue 12, item 14).
    expect(monitor?.headers).toEqual({ Host: 'app.example.com' });
    const [policy] = h.fake.store.list('steeringPolicy', undefined);
    expect(policy?.healthCheckMonitorId).toBe(monitor?.id);
    expect((policy?.rules as { ruleType: string }[]).map((r) => r.ruleType)).toEqual([
      'FILTER',
      'HEALTH',
      'PRIORITY',
      'LIMIT',
    ]);
    const [attachment] = h.fake.store.list('steeringPolicyAttachment', undefined);
    expect(attachment?.domainName).toBe('app.example.com');
    expect(attachment?.lifecycleState).toBe('ACTIVE');

    h.fake.clearLog();
    const again = await convergeDns(h.topology, h.clients, true, {
      ...h.options,
      ingressAddresses: addresses,
    });
    expect(hasChanges(again)).toBe(false);
    expect(mutating(h.fake)).toEqual([]);
  });

  it('updates monitor and policy in place when an ingress address changes', async () => {
    await convergeDns(h.topology, h.clients, true, { ...h.options, ingressAddresses: addresses });
    const moved = { ...addresses, 'us-chicago-1': '198.51.100.99' };
    const plan = await convergeDns(h.topology, h.clients, true, { ...h.options, ingressAddresses: moved });
    expect(plan.changes.map((c) => c.action)).toEqual(['update', 'update', 'unchanged']);
    const [policy] = h.fake.store.list('steeringPolicy', undefined);
    expect((policy?.answers as { rdata: string }[]).map((a) => a.rdata)).toEqual([
      '203.0.113.10',
      '198.51.100.99',
    ]);
    expect(h.fake.requests.some((r) => r.operation === 'UpdateSteeringPolicy' && r.status === 200)).toBe(
      true,
    );
  });

  it('refuses to take over a domain steered by a policy it does not own', async () => {
    const zoneId = String(h.fake.store.list('zone', undefined)[0]?.id);
    const { dns } = h.clients.for('us-sanjose-1');
    const compartmentId = h.topology.spec.clusters[0]?.compartment ?? '';
    const { steeringPolicy } = await dns.createSteeringPolicy({
      createSteeringPolicyDetails: {
        compartmentId,
        displayName: 'theirs',
        template: 'CUSTOM' as never,
        answers: [{ name: 'x', rtype: 'A', rdata: '192.0.2.1', pool: 'p' }],
        rules: [],
      },
    });
    await dns.createSteeringPolicyAttachment({
      createSteeringPolicyAttachmentDetails: {
        steeringPolicyId: steeringPolicy.id,
        zoneId,
        domainName: 'app.example.com',
      },
    });
    await expect(
      convergeDns(h.topology, h.clients, true, { ...h.options, ingressAddresses: addresses }),
    ).rejects.toMatchObject({ code: 'OCI_NOT_OWNED' });
  });

  it('destroy removes attachment, policy and monitor', async () => {
    await convergeDns(h.topology, h.clients, true, { ...h.options, ingressAddresses: addresses });
    const plan = await destroyDns(h.topology, h.clients, true, h.options);
    expect(plan.changes.map((c) => c.resource)).toEqual([
      'steering-policy-attachment',
      'steering-policy',
      'health-monitor',
    ]);
    const deletes = h.fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.operation);
    expect(deletes).toEqual(['DeleteSteeringPolicyAttachment', 'DeleteSteeringPolicy', 'DeleteHttpMonitor']);
  });
});

describe('IAM against the fake', () => {
  it('creates the policy in the home region (the fake rejects IAM writes elsewhere), then is unchanged', async () => {
    const plan = await convergeIam(h.topology, h.clients, true, { tenancyId: h.keys.tenancy });
    expect(plan.changes[0]).toMatchObject({ action: 'create', region: 'us-sanjose-1' });
    const [policy] = h.fake.store.list('policy', undefined);
    expect(policy?.statements).toEqual(iamStatements(h.topology).map((s) => s.statement));
    const again = await convergeIam(h.topology, h.clients, true, { tenancyId: h.keys.tenancy });
    expect(again.changes[0]?.action).toBe('unchanged');
  });
});

describe('discovery against the fake', () => {
  it('reads CNI, VCN, CIDRs and endpoints and agrees with the topology', async () => {
    const cluster = h.topology.spec.clusters[0];
    if (!cluster?.ocid) throw new Error('example has OCIDs');
    const found = await discoverCluster(h.clients.for(cluster.region), cluster.ocid);
    expect(found).toMatchObject({
      cniTypes: ['OCI_VCN_IP_NATIVE'],
      vcnCidrs: ['10.0.0.0/16'],
      servicesCidr: '10.96.0.0/16',
    });
    expect(found.endpoints.privateEndpoint).toMatch(/:6443$/);
    expect(checkDiscoveredCluster(cluster, found).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses FLANNEL_OVERLAY with an explanation', async () => {
    const cluster = h.topology.spec.clusters[0];
    if (!cluster) throw new Error('example');
    const seeded = h.fake.seedCluster({
      region: cluster.region,
      compartmentId: cluster.compartment,
      name: 'flannel',
      vcnCidr: '10.9.0.0/16',
      cniType: 'FLANNEL_OVERLAY',
    });
    const found = await discoverCluster(h.clients.for(cluster.region), seeded.clusterId);
    const findings = checkDiscoveredCluster(cluster, found);
    expect(findings.find((f) => f.field === 'cni')?.message).toMatch(
      /FLANNEL_OVERLAY.*only pods of the same cluster/,
    );
  });
});
