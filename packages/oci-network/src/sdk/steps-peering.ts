import type * as core from 'oci-core';
import { OciNetworkError } from '../errors.js';
import type { DesiredPeer } from '../model/desired-network.js';
import { isOwned, ownershipTags } from '../model/ownership.js';
import { apiCall, listAll, statusOf, waitUntil } from './api-call.js';
import { createIdempotent } from './idempotent-create.js';
import type { RegionRun } from './run-context.js';
import { singleAttempt } from './retry-policy.js';

const LIVE = new Set(['PROVISIONING', 'AVAILABLE']);

async function getRpc(
  run: RegionRun,
  remotePeeringConnectionId: string,
): Promise<core.models.RemotePeeringConnection> {
  return (
    await apiCall('GetRemotePeeringConnection', () =>
      run.clients.network.getRemotePeeringConnection({ remotePeeringConnectionId }),
    )
  ).remotePeeringConnection;
}

/** The okemesh RPC towards `peer` on this region's DRG, created and waited for AVAILABLE when missing. */
async function ensureRpc(
  run: RegionRun,
  peer: DesiredPeer,
  existing: readonly core.models.RemotePeeringConnection[],
): Promise<void> {
  const mine = existing.find(
    (r) => isOwned(r.freeformTags, run.mesh, 'rpc', peer.region) && LIVE.has(r.lifecycleState),
  );
  if (mine) {
    run.rpcIds.set(peer.region, mine.id);
    run.record({
      resource: 'remote-peering-connection',
      name: peer.rpcName,
      id: mine.id,
      action: 'unchanged',
      reason: `exists (${mine.lifecycleState}, ${mine.peeringStatus})`,
    });
    if (run.apply && mine.lifecycleState !== 'AVAILABLE') await waitRpc(run, mine.id);
    return;
  }
  run.record({
    resource: 'remote-peering-connection',
    name: peer.rpcName,
    action: 'create',
    reason: `no okemesh RPC towards ${peer.region} on the DRG`,
  });
  if (!run.apply || !run.drgId) return;
  run.checkAbort();
  const drgId = run.drgId;
  run.progress(`creating remote peering connection ${peer.rpcName}`);
  const rpc = await createIdempotent(
    `RPC ${peer.rpcName}`,
    [run.mesh, run.region, 'rpc', drgId, peer.region],
    async (token) =>
      (
        await apiCall('CreateRemotePeeringConnection', () =>
          run.clients.network.createRemotePeeringConnection({
            createRemotePeeringConnectionDetails: {
              compartmentId: run.compartmentId,
              drgId,
              displayName: peer.rpcName,
              freeformTags: ownershipTags(run.mesh, 'rpc', peer.region),
            },
            opcRetryToken: token,
          }),
        )
      ).remotePeeringConnection,
    (id) => getRpc(run, id),
  );
  run.rpcIds.set(peer.region, rpc.id);
  await waitRpc(run, rpc.id);
}

async function waitRpc(run: RegionRun, id: string): Promise<void> {
  run.progress(`waiting for remote peering connection ${id} to be AVAILABLE`);
  await waitUntil(
    `RPC ${id}`,
    async () => (await getRpc(run, id)).lifecycleState,
    (s) => s === 'AVAILABLE',
    run.wait('rpc'),
  );
}

export async function ensureRpcs(run: RegionRun): Promise<void> {
  const drgId = run.drgId;
  const existing = drgId
    ? await listAll('ListRemotePeeringConnections', (page) =>
        run.clients.network.listRemotePeeringConnections({
          compartmentId: run.compartmentId,
          drgId,
          ...(page ? { page } : {}),
        }),
      )
    : [];
  for (const peer of run.desired.peers) await ensureRpc(run, peer, existing);
}

const BROKEN = new Set(['INVALID', 'REVOKED']);

/**
 * Connects requestor → acceptor from the requestor's region (the only side that may call connect), then waits for
 * PEERED. `connect` has no retry token, so the decision comes from the RPC's `peeringStatus`/`peerId`: NEW →
 * connect, PENDING/PEERED to the acceptor → only wait, INVALID/REVOKED or peered elsewhere → error.
 */
export async function ensurePeering(requestor: RegionRun, acceptor: RegionRun): Promise<void> {
  const name = `${requestor.region} ⇄ ${acceptor.region}`;
  const rpcId = requestor.rpcIds.get(acceptor.region);
  const peerId = acceptor.rpcIds.get(requestor.region);
  if (!rpcId || !peerId) {
    requestor.record({
      resource: 'peering',
      name,
      action: 'connect',
      reason: 'the remote peering connections are to be created first',
    });
    return;
  }
  const rpc = await getRpc(requestor, rpcId);
  const failure = peeringFailure(rpc, peerId);
  if (failure) throw new OciNetworkError('OCI_PEERING_FAILED', `${name}: ${failure}`);
  if (rpc.peeringStatus === 'PEERED') {
    requestor.record({
      resource: 'peering',
      name,
      id: rpcId,
      action: 'unchanged',
      reason: `PEERED with ${peerId}`,
    });
    return;
  }
  if (rpc.peeringStatus === 'NEW') {
    const peer = await getRpc(acceptor, peerId);
    if (peer.peeringStatus !== 'NEW') {
      throw new OciNetworkError(
        'OCI_PEERING_FAILED',
        `${name}: the acceptor RPC ${peerId} is ${String(peer.peeringStatus)} and cannot be connected again; run okemesh network destroy, then apply`,
      );
    }
    requestor.record({
      resource: 'peering',
      name,
      id: rpcId,
      action: 'connect',
      reason: 'requestor RPC is NEW: connect from the requestor region',
    });
    if (!requestor.apply) return;
    requestor.checkAbort();
    requestor.progress(`connecting ${rpcId} to ${peerId} in ${acceptor.region}`);
    await connect(requestor, rpcId, peerId, acceptor.region);
  } else {
    requestor.record({
      resource: 'peering',
      name,
      id: rpcId,
      action: 'unchanged',
      reason: `${rpc.peeringStatus ?? 'unknown'}: connection in progress`,
    });
    if (!requestor.apply) return;
  }
  requestor.progress(`waiting for ${name} to be PEERED`);
  await waitUntil(
    `peering ${name}`,
    () => getRpc(requestor, rpcId),
    (r) => r.peeringStatus === 'PEERED',
    requestor.wait('peering'),
    (r) => peeringFailure(r, peerId),
  );
}

function peeringFailure(rpc: core.models.RemotePeeringConnection, peerId: string): string | undefined {
  if (BROKEN.has(rpc.peeringStatus ?? ''))
    return `peering status is ${String(rpc.peeringStatus)}; delete the RPCs (okemesh network destroy) and apply again`;
  if (rpc.peerId && rpc.peerId !== peerId && rpc.peeringStatus !== 'NEW')
    return `RPC ${rpc.id} is peered with ${rpc.peerId}, not ${peerId}`;
  return undefined;
}

async function connect(
  run: RegionRun,
  remotePeeringConnectionId: string,
  peerId: string,
  peerRegionName: string,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await apiCall('ConnectRemotePeeringConnections', () =>
        run.clients.network.connectRemotePeeringConnections({
          remotePeeringConnectionId,
          connectRemotePeeringConnectionsDetails: { peerId, peerRegionName },
          retryConfiguration: singleAttempt,
        }),
      );
      return;
    } catch (error) {
      // A lost response or a repeat: if the RPC now points at the peer, the connect happened.
      const rpc = await getRpc(run, remotePeeringConnectionId);
      if (rpc.peerId === peerId && rpc.peeringStatus !== 'NEW') return;
      const status = statusOf(error);
      const incorrectState =
        status === 409 && error instanceof OciNetworkError && error.api?.serviceCode === 'IncorrectState';
      const transient = status === undefined || status === 429 || status >= 500 || incorrectState;
      if (!transient || attempt >= 6) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(8000, 200 * 2 ** attempt)));
    }
  }
}
