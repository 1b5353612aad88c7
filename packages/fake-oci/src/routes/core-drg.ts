import { conflict, incorrectState, invalidParameter, notFound } from '../api-error.js';
import {
  checkIfMatch,
  local,
  matches,
  paginate,
  requireQuery,
  requireString,
  withEtag,
  type Call,
  type Route,
} from '../route.js';
import type { Json } from '../store.js';

const V = '20160918';
const LIVE_ATTACHMENT = new Set(['ATTACHING', 'ATTACHED']);

function tags(body: Json): Json {
  return { freeformTags: body.freeformTags ?? {}, definedTags: body.definedTags ?? {} };
}

function createDrg(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  const id = call.store.newId('drg', call.region);
  call.store.insert('drg', call.region, id, {
    compartmentId,
    displayName: call.body.displayName ?? id,
    timeCreated: new Date().toISOString(),
    defaultDrgRouteTables: { vcn: `${id}.rt-vcn`, remotePeeringConnection: `${id}.rt-rpc` },
    ...tags(call.body),
  });
  call.store.walk(id, 'lifecycleState', ['PROVISIONING', 'AVAILABLE']);
  return withEtag(call, id, local(call, id, 'drg'));
}

function deleteDrg(call: Call) {
  const id = call.params.drgId ?? '';
  const drg = local(call, id, 'drg');
  checkIfMatch(call, id);
  if (drg.lifecycleState !== 'AVAILABLE') throw incorrectState(`DRG ${id} is ${String(drg.lifecycleState)}`);
  const attached = call.store.list(
    'drgAttachment',
    undefined,
    (a) => a.drgId === id && LIVE_ATTACHMENT.has(String(a.lifecycleState)),
  );
  if (attached.length > 0) throw conflict(`DRG ${id} still has ${attached.length} attachment(s)`);
  const rpcs = call.store.list('rpc', undefined, (r) => r.drgId === id && r.lifecycleState !== 'TERMINATED');
  if (rpcs.length > 0) throw conflict(`DRG ${id} still has remote peering connections`);
  call.store.retire(id, ['TERMINATING', 'TERMINATED']);
  return { status: 204 };
}

function createAttachment(call: Call) {
  const drgId = requireString(call.body, 'drgId');
  const network = (call.body.networkDetails ?? {}) as Json;
  const vcnId = typeof network.id === 'string' ? network.id : call.body.vcnId;
  if (typeof vcnId !== 'string') throw invalidParameter('networkDetails.id (the VCN) is required');
  const drg = local(call, drgId, 'drg');
  const vcn = local(call, vcnId, 'vcn');
  if (drg.lifecycleState !== 'AVAILABLE')
    throw incorrectState(`DRG ${drgId} is ${String(drg.lifecycleState)}`);
  const existing = call.store.list(
    'drgAttachment',
    undefined,
    (a) => a.vcnId === vcnId && LIVE_ATTACHMENT.has(String(a.lifecycleState)),
  );
  if (existing.length > 0)
    throw conflict(`VCN ${vcnId} is already attached to DRG ${String(existing[0]?.drgId)}`);
  const id = call.store.newId('drgattachment', call.region);
  call.store.insert('drgAttachment', call.region, id, {
    compartmentId: vcn.compartmentId,
    drgId,
    vcnId,
    displayName: call.body.displayName ?? id,
    networkDetails: { type: 'VCN', id: vcnId, vcnRouteType: network.vcnRouteType ?? 'SUBNET_CIDRS' },
    drgRouteTableId: (drg.defaultDrgRouteTables as Json).vcn,
    isCrossTenancy: false,
    timeCreated: new Date().toISOString(),
    ...tags(call.body),
  });
  call.store.walk(id, 'lifecycleState', ['ATTACHING', 'ATTACHED']);
  return withEtag(call, id, local(call, id, 'drgAttachment'));
}

function deleteAttachment(call: Call) {
  const id = call.params.drgAttachmentId ?? '';
  const attachment = local(call, id, 'drgAttachment');
  checkIfMatch(call, id);
  if (attachment.lifecycleState !== 'ATTACHED')
    throw incorrectState(`attachment ${id} is ${String(attachment.lifecycleState)}`);
  call.store.retire(id, ['DETACHING', 'DETACHED']);
  return { status: 204 };
}

function createRpc(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  const drgId = requireString(call.body, 'drgId');
  const drg = local(call, drgId, 'drg');
  if (drg.lifecycleState !== 'AVAILABLE')
    throw incorrectState(`DRG ${drgId} is ${String(drg.lifecycleState)}`);
  const id = call.store.newId('remotepeeringconnection', call.region);
  call.store.insert('rpc', call.region, id, {
    compartmentId,
    drgId,
    displayName: call.body.displayName ?? id,
    isCrossTenancyPeering: false,
    timeCreated: new Date().toISOString(),
    ...tags(call.body),
  });
  call.store.walk(id, 'lifecycleState', ['PROVISIONING', 'AVAILABLE']);
  call.store.walk(id, 'peeringStatus', ['NEW']);
  return withEtag(call, id, local(call, id, 'rpc'));
}

function connectRpc(call: Call) {
  const id = call.params.remotePeeringConnectionId ?? '';
  const rpc = local(call, id, 'rpc');
  const peerId = requireString(call.body, 'peerId');
  const peerRegionName = requireString(call.body, 'peerRegionName');
  if (!call.store.has(peerId, 'rpc') || call.store.regionOf(peerId) !== peerRegionName)
    throw notFound(`remote peering connection ${peerId} in ${peerRegionName}`);
  const peer = call.store.get(peerId, 'rpc');
  if (rpc.lifecycleState !== 'AVAILABLE' || peer.lifecycleState !== 'AVAILABLE')
    throw incorrectState('both remote peering connections must be AVAILABLE');
  if (rpc.peeringStatus !== 'NEW')
    throw conflict(`remote peering connection ${id} is already ${String(rpc.peeringStatus)}`);
  if (peer.peeringStatus !== 'NEW') throw conflict(`peer ${peerId} is already ${String(peer.peeringStatus)}`);
  call.store.update(id, { peerId, peerRegionName, peerTenancyId: 'ocid1.tenancy.oc1..fake' });
  call.store.update(peerId, {
    peerId: id,
    peerRegionName: call.region,
    peerTenancyId: 'ocid1.tenancy.oc1..fake',
  });
  call.store.walk(id, 'peeringStatus', ['PENDING', 'PENDING', 'PEERED']);
  call.store.walk(peerId, 'peeringStatus', ['PENDING', 'PENDING', 'PEERED']);
  return { status: 200 };
}

function deleteRpc(call: Call) {
  const id = call.params.remotePeeringConnectionId ?? '';
  const rpc = local(call, id, 'rpc');
  checkIfMatch(call, id);
  if (rpc.lifecycleState !== 'AVAILABLE')
    throw incorrectState(`remote peering connection ${id} is ${String(rpc.lifecycleState)}`);
  const peerId = typeof rpc.peerId === 'string' ? rpc.peerId : undefined;
  if (peerId && call.store.has(peerId, 'rpc')) call.store.walk(peerId, 'peeringStatus', ['REVOKED']);
  call.store.retire(id, ['TERMINATING', 'TERMINATED']);
  return { status: 204 };
}

const getter = (kind: string, param: string) => (call: Call) => {
  const id = call.params[param] ?? '';
  return withEtag(call, id, local(call, id, kind));
};

export const drgRoutes: readonly Route[] = [
  { version: V, method: 'POST', path: '/drgs', operation: 'CreateDrg', handler: createDrg },
  {
    version: V,
    method: 'GET',
    path: '/drgs',
    operation: 'ListDrgs',
    handler: (call) =>
      paginate(
        call,
        call.store.list('drg', call.region, (d) => d.compartmentId === requireQuery(call, 'compartmentId')),
      ),
  },
  { version: V, method: 'GET', path: '/drgs/{drgId}', operation: 'GetDrg', handler: getter('drg', 'drgId') },
  { version: V, method: 'DELETE', path: '/drgs/{drgId}', operation: 'DeleteDrg', handler: deleteDrg },
  {
    version: V,
    method: 'POST',
    path: '/drgAttachments',
    operation: 'CreateDrgAttachment',
    handler: createAttachment,
  },
  {
    version: V,
    method: 'GET',
    path: '/drgAttachments',
    operation: 'ListDrgAttachments',
    handler: (call) => {
      requireQuery(call, 'compartmentId');
      const type = call.query.get('attachmentType');
      if (type !== null && type !== 'VCN' && type !== 'ALL') return paginate(call, []);
      return paginate(
        call,
        call.store.list('drgAttachment', call.region, (a) =>
          matches(call, a, ['compartmentId', 'vcnId', 'drgId']),
        ),
      );
    },
  },
  {
    version: V,
    method: 'GET',
    path: '/drgAttachments/{drgAttachmentId}',
    operation: 'GetDrgAttachment',
    handler: getter('drgAttachment', 'drgAttachmentId'),
  },
  {
    version: V,
    method: 'DELETE',
    path: '/drgAttachments/{drgAttachmentId}',
    operation: 'DeleteDrgAttachment',
    handler: deleteAttachment,
  },
  {
    version: V,
    method: 'POST',
    path: '/remotePeeringConnections',
    operation: 'CreateRemotePeeringConnection',
    handler: createRpc,
  },
  {
    version: V,
    method: 'GET',
    path: '/remotePeeringConnections',
    operation: 'ListRemotePeeringConnections',
    handler: (call) => {
      requireQuery(call, 'compartmentId');
      return paginate(
        call,
        call.store.list('rpc', call.region, (r) => matches(call, r, ['compartmentId', 'drgId'])),
      );
    },
  },
  {
    version: V,
    method: 'GET',
    path: '/remotePeeringConnections/{remotePeeringConnectionId}',
    operation: 'GetRemotePeeringConnection',
    handler: getter('rpc', 'remotePeeringConnectionId'),
  },
  {
    version: V,
    method: 'POST',
    path: '/remotePeeringConnections/{remotePeeringConnectionId}/actions/connect',
    operation: 'ConnectRemotePeeringConnections',
    handler: connectRpc,
  },
  {
    version: V,
    method: 'DELETE',
    path: '/remotePeeringConnections/{remotePeeringConnectionId}',
    operation: 'DeleteRemotePeeringConnection',
    handler: deleteRpc,
  },
];
