import type * as core from 'oci-core';
import {
  mergeRouteRules,
  routeRule,
  withoutOwned,
  type Merge,
  type RouteRuleShape,
} from '../model/rule-merge.js';
import { apiCall } from './api-call.js';
import { readModifyWrite } from './read-modify-write.js';
import { forEach, type RegionRun } from './run-context.js';

/** Placeholder target in a plan when the DRG does not exist yet. */
const NEW_DRG = '(DRG to be created)';

function describe(merge: Merge<RouteRuleShape>): string[] {
  return [
    ...merge.added.map((r) => `+ ${r.destination ?? ''} via ${r.networkEntityId}`),
    ...merge.removed.map(
      (r) => `- ${r.destination ?? r.cidrBlock ?? ''} via ${r.networkEntityId} (stale okemesh rule)`,
    ),
  ];
}

async function updateTable(
  run: RegionRun,
  rtId: string,
  merge: (rules: readonly RouteRuleShape[]) => Merge<RouteRuleShape>,
): Promise<Merge<RouteRuleShape>> {
  const { network } = run.clients;
  return readModifyWrite(
    `route table ${rtId}`,
    async () => {
      const response = await apiCall('GetRouteTable', () => network.getRouteTable({ rtId }));
      return { state: response.routeTable.routeRules as RouteRuleShape[], etag: response.etag };
    },
    merge,
    (rules, etag) =>
      network.updateRouteTable({
        rtId,
        updateRouteTableDetails: { routeRules: rules as core.models.RouteRule[] },
        ...(etag ? { ifMatch: etag } : {}),
      }),
    run.apply,
  );
}

/** Routes every remote VCN (and pod) CIDR via the DRG on each route table used by the cluster VCN's subnets. */
export async function ensureRoutes(run: RegionRun): Promise<void> {
  const drgId = run.drgId ?? NEW_DRG;
  const desired = run.desired.peers.flatMap((peer) =>
    peer.routeDestinations.map((cidr) => routeRule(run.mesh, cidr, drgId, peer.cluster)),
  );
  const tables = [...new Set(run.subnets.map((s) => s.routeTableId))];
  await forEach(tables, run.options.sequential, async (rtId) => {
    run.checkAbort();
    const merged = await updateTable(run, rtId, (rules) => mergeRouteRules(run.mesh, rules, desired));
    const changed = merged.added.length + merged.removed.length > 0;
    run.record({
      resource: 'route-table',
      name: rtId,
      id: rtId,
      action: changed ? 'update' : 'unchanged',
      reason: changed
        ? `${merged.added.length} route(s) to add, ${merged.removed.length} stale to remove; other rules kept`
        : 'routes to every remote CIDR present',
      ...(changed ? { details: describe(merged) } : {}),
    });
    if (changed && run.apply) run.progress(`route table ${rtId}: ${describe(merged).join(', ')}`);
  });
}

/** Destroy: removes okemesh's rules from every route table of the VCN, keeping everyone else's. */
export async function removeRoutes(run: RegionRun): Promise<void> {
  const tables = [...new Set(run.subnets.map((s) => s.routeTableId))];
  await forEach(tables, run.options.sequential, async (rtId) => {
    const merged = await updateTable(run, rtId, (rules) => withoutOwned(run.mesh, rules));
    if (merged.removed.length === 0) return;
    run.record({
      resource: 'route-table',
      name: rtId,
      id: rtId,
      action: 'update',
      reason: `remove ${merged.removed.length} okemesh route(s)`,
      details: describe(merged),
    });
  });
}
