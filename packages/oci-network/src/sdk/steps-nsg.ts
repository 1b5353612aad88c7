import type * as core from 'oci-core';
import { isOwned, isOwnedRule, ownershipTags, ruleMarker } from '../model/ownership.js';
import { apiCall, listAll, waitGone, waitUntil } from './api-call.js';
import { createIdempotent } from './idempotent-create.js';
import type { RegionRun } from './run-context.js';
import { singleAttempt } from './retry-policy.js';

const LIVE = new Set(['PROVISIONING', 'AVAILABLE']);
const MAX_RULES_PER_CALL = 25;

type Rule = core.models.AddSecurityRuleDetails;

const key = (r: { protocol: string; source?: string; tcpOptions?: core.models.TcpOptions }) =>
  `${r.protocol}|${r.source ?? ''}|${r.tcpOptions?.destinationPortRange?.min ?? '*'}`;

async function ownedNsg(run: RegionRun): Promise<core.models.NetworkSecurityGroup | undefined> {
  const groups = await listAll('ListNetworkSecurityGroups', (page) =>
    run.clients.network.listNetworkSecurityGroups({
      compartmentId: run.compartmentId,
      vcnId: run.vcnId,
      ...(page ? { page } : {}),
    }),
  );
  return groups.find((g) => isOwned(g.freeformTags, run.mesh, 'nsg') && LIVE.has(g.lifecycleState));
}

async function rulesOf(run: RegionRun, networkSecurityGroupId: string): Promise<core.models.SecurityRule[]> {
  return listAll('ListNetworkSecurityGroupSecurityRules', (page) =>
    run.clients.network.listNetworkSecurityGroupSecurityRules({
      networkSecurityGroupId,
      ...(page ? { page } : {}),
    }),
  );
}

/**
 * NSG mode: one okemesh-owned NSG per VCN holding exactly the Istio ingress rules; attach it to the east-west
 * gateway load balancer (`oci.oraclecloud.com/oci-network-security-groups`) and the cluster API endpoint.
 * Adding NSG rules has no retry token, so each add is a single attempt and a failure re-reads the rules.
 */
export async function ensureNsg(run: RegionRun): Promise<void> {
  const { network } = run.clients;
  const name = run.desired.nsgName;
  let nsg = run.vcnId ? await ownedNsg(run) : undefined;
  run.record(
    nsg
      ? {
          resource: 'network-security-group',
          name,
          id: nsg.id,
          action: 'unchanged',
          reason: 'exists, owned by okemesh',
        }
      : { resource: 'network-security-group', name, action: 'create', reason: 'no okemesh NSG in the VCN' },
  );
  const desired: Rule[] = run.desired.ingress.map((r) => ({
    direction: 'INGRESS' as core.models.AddSecurityRuleDetails.Direction,
    protocol: '6',
    source: r.source,
    sourceType: 'CIDR_BLOCK' as core.models.AddSecurityRuleDetails.SourceType,
    isStateless: false,
    tcpOptions: { destinationPortRange: { min: r.port, max: r.port } },
    description: `${ruleMarker(run.mesh)} ${r.port}/TCP from ${r.source}`,
  }));
  if (!nsg) {
    if (!run.apply) {
      run.record({
        resource: 'network-security-group',
        name,
        action: 'update',
        reason: `${desired.length} rule(s) to add`,
        details: desired.map((r) => `+ ${key(r)}`),
      });
      return;
    }
    run.checkAbort();
    run.progress(`creating NSG ${name}`);
    const created = await createIdempotent(
      `NSG ${name}`,
      [run.mesh, run.region, 'nsg', run.vcnId],
      async (token) =>
        (
          await apiCall('CreateNetworkSecurityGroup', () =>
            network.createNetworkSecurityGroup({
              createNetworkSecurityGroupDetails: {
                compartmentId: run.compartmentId,
                vcnId: run.vcnId,
                displayName: name,
                freeformTags: ownershipTags(run.mesh, 'nsg'),
              },
              opcRetryToken: token,
            }),
          )
        ).networkSecurityGroup,
      async (id) =>
        (
          await apiCall('GetNetworkSecurityGroup', () =>
            network.getNetworkSecurityGroup({ networkSecurityGroupId: id }),
          )
        ).networkSecurityGroup,
    );
    nsg = created;
    await waitUntil(
      `NSG ${created.id}`,
      async () =>
        (
          await apiCall('GetNetworkSecurityGroup', () =>
            network.getNetworkSecurityGroup({ networkSecurityGroupId: created.id }),
          )
        ).networkSecurityGroup.lifecycleState,
      (s) => s === 'AVAILABLE',
      run.wait('nsg'),
    );
  }
  await syncRules(run, nsg.id, desired);
}

async function syncRules(run: RegionRun, nsgId: string, desired: readonly Rule[]): Promise<void> {
  const { network } = run.clients;
  for (let attempt = 1; ; attempt += 1) {
    const existing = await rulesOf(run, nsgId);
    const have = new Set(existing.filter((r) => r.direction === 'INGRESS').map(key));
    const missing = desired.filter((r) => !have.has(key(r)));
    const wanted = new Set(desired.map(key));
    const stale = existing.filter((r) => isOwnedRule(r.description, run.mesh) && !wanted.has(key(r)));
    const changed = missing.length + stale.length > 0;
    if (attempt === 1) {
      run.record({
        resource: 'network-security-group',
        name: run.desired.nsgName,
        id: nsgId,
        action: changed ? 'update' : 'unchanged',
        reason: changed
          ? `${missing.length} rule(s) to add, ${stale.length} stale to remove`
          : 'Istio ingress rules present',
        ...(changed
          ? { details: [...missing.map((r) => `+ ${key(r)}`), ...stale.map((r) => `- ${key(r)}`)] }
          : {}),
      });
    }
    if (!changed || !run.apply) return;
    try {
      if (stale.length > 0) {
        await apiCall('RemoveNetworkSecurityGroupSecurityRules', () =>
          network.removeNetworkSecurityGroupSecurityRules({
            networkSecurityGroupId: nsgId,
            removeNetworkSecurityGroupSecurityRulesDetails: {
              securityRuleIds: stale.flatMap((r) => (r.id ? [r.id] : [])),
            },
            retryConfiguration: singleAttempt,
          }),
        );
      }
      for (let i = 0; i < missing.length; i += MAX_RULES_PER_CALL) {
        const batch = missing.slice(i, i + MAX_RULES_PER_CALL);
        await apiCall('AddNetworkSecurityGroupSecurityRules', () =>
          network.addNetworkSecurityGroupSecurityRules({
            networkSecurityGroupId: nsgId,
            addNetworkSecurityGroupSecurityRulesDetails: { securityRules: batch },
            retryConfiguration: singleAttempt,
          }),
        );
      }
    } catch (error) {
      if (attempt >= 6) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(8000, 200 * 2 ** attempt)));
    }
  }
}

/** Destroy: deletes the okemesh NSG (its rules go with it). */
export async function removeNsg(run: RegionRun): Promise<void> {
  const nsg = run.vcnId ? await ownedNsg(run) : undefined;
  if (!nsg) return;
  run.record({
    resource: 'network-security-group',
    name: nsg.displayName ?? run.desired.nsgName,
    id: nsg.id,
    action: 'delete',
    reason: 'owned by okemesh',
  });
  if (!run.apply) return;
  const { network } = run.clients;
  await apiCall('DeleteNetworkSecurityGroup', () =>
    network.deleteNetworkSecurityGroup({ networkSecurityGroupId: nsg.id }),
  );
  await waitGone(
    `NSG ${nsg.id}`,
    async () =>
      (
        await apiCall('GetNetworkSecurityGroup', () =>
          network.getNetworkSecurityGroup({ networkSecurityGroupId: nsg.id }),
        )
      ).networkSecurityGroup,
    ['TERMINATED'],
    run.wait('nsg'),
  );
}
