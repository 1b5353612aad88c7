import { incorrectState, invalidParameter, notFound } from '../api-error.js';
import { paginate, requireQuery, withEtag, type Call, type Reply, type Route } from '../route.js';
import type { Json } from '../store.js';
import { regional, routeBuilders } from './route-builders.js';

const api = routeBuilders('20160918');
const readAdb = regional('autonomousDatabase');
const IN_PROGRESS = 'ROLE_CHANGE_IN_PROGRESS';

/**
 * A cross-region role change, as OCI runs it: only in the region of the standby that becomes primary (other
 * regions answer 404), naming its remote peer. Role and lifecycleState settle at different steps (the role
 * first on the new primary, lifecycleState first on the new standby), so a client must wait on both.
 */
function roleChange(kind: 'switchover' | 'failover') {
  return (call: Call): Reply => {
    const id = call.params.autonomousDatabaseId ?? '';
    const target = readAdb(call, id);
    const peerId = requireQuery(call, 'peerDbId');
    if (!call.store.has(peerId, 'autonomousDatabase'))
      throw notFound(`autonomousDatabase ${peerId} (peerDbId)`);
    const peer = call.store.get(peerId, 'autonomousDatabase');
    if (!((target.peerDbIds ?? []) as string[]).includes(peerId))
      throw invalidParameter(`${peerId} is not a Data Guard peer of ${id}`);
    if (call.store.regionOf(peerId) === call.region)
      throw invalidParameter(`peer ${peerId} is in the same region: cross-region peers only`);
    if (target.role !== 'STANDBY' || target.lifecycleState !== 'STANDBY')
      throw incorrectState(
        `${kind} must be called on the standby: ${id} is ${String(target.role)}/${String(target.lifecycleState)}`,
      );
    if (kind === 'switchover' && (peer.role !== 'PRIMARY' || peer.lifecycleState !== 'AVAILABLE'))
      throw incorrectState(`switchover needs an AVAILABLE primary peer: ${peerId} is ${String(peer.role)}`);
    if (call.headers['opc-dry-run'] === 'true') return withEtag(call, id, target);
    const stamp = kind === 'switchover' ? 'timeOfLastSwitchover' : 'timeOfLastFailover';
    const at = new Date().toISOString();
    call.store.update(id, { [stamp]: at, timeDisasterRecoveryRoleChanged: at });
    call.store.update(peerId, { [stamp]: at, timeDisasterRecoveryRoleChanged: at });
    call.store.walk(id, 'role', ['STANDBY', 'PRIMARY']);
    call.store.walk(id, 'lifecycleState', [IN_PROGRESS, IN_PROGRESS, IN_PROGRESS, 'AVAILABLE']);
    const demoted = kind === 'switchover' ? 'STANDBY' : 'DISABLED_STANDBY';
    call.store.walk(peerId, 'lifecycleState', [IN_PROGRESS, 'STANDBY']);
    call.store.walk(peerId, 'role', ['PRIMARY', 'PRIMARY', 'PRIMARY', demoted]);
    return withEtag(call, id, readAdb(call, id));
  };
}

function peers(call: Call): Reply {
  const id = call.params.autonomousDatabaseId ?? '';
  const adb = readAdb(call, id);
  const items: Json[] = ((adb.peerDbIds ?? []) as string[]).map((peerId) => ({
    id: peerId,
    region: call.store.regionOf(peerId),
  }));
  // ListAutonomousDatabasePeers answers an AutonomousDatabasePeerCollection, not a bare array.
  const page = paginate(call, items);
  return { ...page, body: { items: page.body } };
}

export const databaseRoutes: readonly Route[] = [
  api.getOne('/autonomousDatabases/{autonomousDatabaseId}', 'GetAutonomousDatabase', readAdb),
  api.post(
    '/autonomousDatabases/{autonomousDatabaseId}/actions/switchover',
    'SwitchoverAutonomousDatabase',
    roleChange('switchover'),
  ),
  api.post(
    '/autonomousDatabases/{autonomousDatabaseId}/actions/failover',
    'FailOverAutonomousDatabase',
    roleChange('failover'),
  ),
  api.get('/autonomousDatabases/{autonomousDatabaseId}/peers', 'ListAutonomousDatabasePeers', peers),
];
