import type * as core from 'oci-core';
import { OciNetworkError } from '../errors.js';
import type { DesiredIngressRule } from '../model/desired-network.js';
import {
  ingressRule,
  mergeIngressRules,
  withoutOwned,
  type IngressRuleShape,
  type Merge,
} from '../model/rule-merge.js';
import { apiCall } from './api-call.js';
import { readModifyWrite } from './read-modify-write.js';
import { forEach, type RegionRun } from './run-context.js';

function describe(merge: Merge<IngressRuleShape>): string[] {
  const port = (r: IngressRuleShape) => r.tcpOptions?.destinationPortRange?.min ?? '*';
  return [
    ...merge.added.map((r) => `+ ingress ${port(r)}/TCP from ${r.source}`),
    ...merge.removed.map((r) => `- ingress ${port(r)} from ${r.source} (stale okemesh rule)`),
  ];
}

async function updateList(
  run: RegionRun,
  securityListId: string,
  merge: (rules: readonly IngressRuleShape[]) => Merge<IngressRuleShape>,
) {
  const { network } = run.clients;
  return readModifyWrite(
    `security list ${securityListId}`,
    async () => {
      const response = await apiCall('GetSecurityList', () => network.getSecurityList({ securityListId }));
      return { state: response.securityList.ingressSecurityRules as IngressRuleShape[], etag: response.etag };
    },
    merge,
    (rules, etag) =>
      network.updateSecurityList({
        securityListId,
        updateSecurityListDetails: { ingressSecurityRules: rules as core.models.IngressSecurityRule[] },
        ...(etag ? { ifMatch: etag } : {}),
      }),
    run.apply,
  );
}

function firstSecurityList(run: RegionRun, subnetId: string): string {
  const subnet = run.subnets.find((s) => s.id === subnetId);
  const id = subnet?.securityListIds[0];
  if (!id)
    throw new OciNetworkError(
      'OCI_DISCOVERY_FAILED',
      `subnet ${subnetId} of cluster ${run.desired.cluster} is not in VCN ${run.vcnId} or has no security list`,
    );
  return id;
}

/** Which security list carries which rules: east-west port on the LB subnets', API port on the endpoint subnet's. */
function targets(run: RegionRun): Map<string, DesiredIngressRule[]> {
  if (run.loadBalancerSubnetIds.length === 0 || !run.endpointSubnetId) {
    throw new OciNetworkError(
      'OCI_DISCOVERY_FAILED',
      `cluster ${run.desired.cluster}: security-list mode needs the cluster OCID (to find its load-balancer and API endpoint subnets); set spec.clusters[].ocid or use NSG mode`,
    );
  }
  const lists = new Map<string, DesiredIngressRule[]>();
  const add = (id: string, rule: DesiredIngressRule) => lists.set(id, [...(lists.get(id) ?? []), rule]);
  for (const rule of run.desired.ingress) {
    const subnets = rule.target === 'east-west-gateway' ? run.loadBalancerSubnetIds : [run.endpointSubnetId];
    for (const subnetId of subnets) add(firstSecurityList(run, subnetId), rule);
  }
  return lists;
}

/** Opens exactly the Istio ports from each remote VCN on the security lists of the subnets that serve them. */
export async function ensureSecurityLists(run: RegionRun): Promise<void> {
  const lists = [...targets(run)];
  await forEach(lists, run.options.sequential, async ([securityListId, rules]) => {
    run.checkAbort();
    const desired = rules.map((r) => ingressRule(run.mesh, r.source, r.port, r.why));
    const merged = await updateList(run, securityListId, (existing) =>
      mergeIngressRules(run.mesh, existing, desired),
    );
    const changed = merged.added.length + merged.removed.length > 0;
    run.record({
      resource: 'security-list',
      name: securityListId,
      id: securityListId,
      action: changed ? 'update' : 'unchanged',
      reason: changed
        ? `${merged.added.length} ingress rule(s) to add, ${merged.removed.length} stale to remove; other rules kept`
        : 'Istio ingress rules present',
      ...(changed ? { details: describe(merged) } : {}),
    });
    if (changed && run.apply) run.progress(`security list ${securityListId}: ${describe(merged).join(', ')}`);
  });
}

/** Destroy: removes okemesh's ingress rules from every security list in the VCN. */
export async function removeSecurityListRules(run: RegionRun): Promise<void> {
  const lists = [...new Set(run.subnets.flatMap((s) => s.securityListIds))];
  await forEach(lists, run.options.sequential, async (securityListId) => {
    const merged = await updateList(run, securityListId, (rules) => withoutOwned(run.mesh, rules));
    if (merged.removed.length === 0) return;
    run.record({
      resource: 'security-list',
      name: securityListId,
      id: securityListId,
      action: 'update',
      reason: `remove ${merged.removed.length} okemesh rule(s)`,
      details: describe(merged),
    });
  });
}
