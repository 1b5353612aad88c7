import { conflict, incorrectState, invalidParameter, notFound } from '../api-error.js';
import { local, paginate, requireQuery, requireString, withEtag, type Call, type Route } from '../route.js';
import type { Json } from '../store.js';
import { created, regional, routeBuilders, type DeleteSpec } from './route-builders.js';

const api = routeBuilders('20160918');
const readDrg = regional('drg');
const readAttachment = regional('drgAttachment');
const readRpc = regional('rpc');
const LIVE_ATTACHMENT = new Set(['ATTACHING', 'ATTACHED']);

function tags(body: Json): Json {
  return { freeformTags: body.freeformTags ?? {}, definedTags: body.definedTags ?? {} };
}

function createDrg(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  const id = call.store.newId('drg', call.region);
  const fields = {
    compartmentId,
    displayName: call.body.displayName ?? id,
    timeCreated: new Date().toISOString(),
    defaultDrgRouteTables: { vcn: `${id}.rt-vcn`, remotePeeringConnection: `${id}.rt-rpc` },
    ...tags(call.body),
  };
  return created(call, { kind: 'drg', states: ['PROVISIONING', 'AVAILABLE'], read: readDrg }, id, fields);
}

const deleteDrg: DeleteSpec = {
  read: readDrg,
  ifMatch: true,
  states: ['TERMINATING', 'TERMINATED'],
  check: (call, id, drg) => {
    if (drg.lifecycleState !== 'AVAILABLE')
      throw incorrectState(`DRG ${id} is ${String(drg.lifecycleState)}`);
    const attached = call.store.list(
      'drgAttachment',
      undefined,
      (a) => a.drgId === id && LIVE_ATTACHMENT.has(String(a.lifecycleState)),
    );
    if (attached.length > 0) throw conflict(`DRG ${id} still has ${attached.length} attachment(s)`);
    const rpcs = call.store.list(
      'rpc',
      undefined,
      (r) => r.drgId === id && r.lifecycleState !== 'TERMINATED',
    );
    if (rpcs.length > 0) throw conflict(`DRG ${id} still has remote peering connections`);
  },
};

function createAttachment(call: Call) {
  const drgId = requireString(call.body, 'drgId');
  const network = (call.body.networkDetails ?? {}) as Json;
  const vcnId = typeof network.id === 'string' ? network.id : call.body.vcnId;
  if (typeof vcnId !== 'string') throw invalidParameter('networkDetails.id (the VCN) is required');
  const target = local(call, drgId, 'drg');
  const vcn = local(call, vcnId, 'vcn');
  if (target.lifecycleState !== 'AVAILABLE')
    throw incorrectState(`DRG ${drgId} is ${String(target.lifecycleState)}`);
  const existing = call.store.list(
    'drgAttachment',
    undefined,
    (a) => a.vcnId === vcnId && LIVE_ATTACHMENT.has(String(a.lifecycleState)),
  );
  if (existing.length > 0)
    throw conflict(`VCN ${vcnId} is already attached to DRG ${String(existing[0]?.drgId)}`);
  const id = call.store.newId('drgattachment', call.region);
  const fields = {
    compartmentId: vcn.compartmentId,
    drgId,
    vcnId,
    displayName: call.body.displayName ?? id,
    networkDetails: { type: 'VCN', id: vcnId, vcnRouteType: network.vcnRouteType ?? 'SUBNET_CIDRS' },
    drgRouteTableId: (target.defaultDrgRouteTables as Json).vcn,
    isCrossTenancy: false,
    timeCreated: new Date().toISOString(),
    ...tags(call.body),
  };
  const creation = { kind: 'drgAttachment', states: ['ATTACHING', 'ATTACHED'], read: readAttachment };
  return created(call, creation, id, fields);
}

const deleteAttachment: DeleteSpec = {
  read: readAttachment,
  ifMatch: true,
  states: ['DETACHING', 'DETACHED'],
  check: (_call, id, attachment) => {
    if (attachment.lifecycleState !== 'ATTACHED')
      throw incorrectState(`attachment ${id} is ${String(attachment.lifecycleState)}`);
  },
};

function createRpc(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  const drgId = requireString(call.body, 'drgId');
  const target = local(call, drgId, 'drg');
  if (target.lifecycleState !== 'AVAILABLE')
    throw incorrectState(`DRG ${drgId} is ${String(target.lifecycleState)}`);
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

/** Deleting one side of a peering revokes it on the other. */
const deleteRpc: DeleteSpec = {
  read: readRpc,
  ifMatch: true,
  states: ['TERMINATING', 'TERMINATED'],
  check: (call, id, connection) => {
    if (connection.lifecycleState !== 'AVAILABLE')
      throw incorrectState(`remote peering connection ${id} is ${String(connection.lifecycleState)}`);
    const peerId = typeof connection.peerId === 'string' ? connection.peerId : undefined;
    if (peerId && call.store.has(peerId, 'rpc')) call.store.walk(peerId, 'peeringStatus', ['REVOKED']);
  },
};

/** Only VCN attachments exist here: an `attachmentType` other than VCN or ALL lists nothing. */
function vcnAttachmentType(call: Call): boolean {
  const type = call.query.get('attachmentType');
  return type === null || type === 'VCN' || type === 'ALL';
}

const ATTACHMENT = '/drgAttachments/{drgAttachmentId}';
const RPC = '/remotePeeringConnections/{remotePeeringConnectionId}';

export const drgRoutes: readonly Route[] = [
  api.post('/drgs', 'CreateDrg', createDrg),
  // compartmentId is checked per listed DRG, so a region without DRGs lists nothing even without it.
  api.get('/drgs', 'ListDrgs', (call) =>
    paginate(
      call,
      call.store.list('drg', call.region, (d) => d.compartmentId === requireQuery(call, 'compartmentId')),
    ),
  ),
  api.getOne('/drgs/{drgId}', 'GetDrg', readDrg),
  api.deleteOne('/drgs/{drgId}', 'DeleteDrg', deleteDrg),
  api.post('/drgAttachments', 'CreateDrgAttachment', createAttachment),
  api.list('/drgAttachments', 'ListDrgAttachments', {
    kind: 'drgAttachment',
    scope: 'region',
    filters: ['compartmentId', 'vcnId', 'drgId'],
    where: vcnAttachmentType,
  }),
  api.getOne(ATTACHMENT, 'GetDrgAttachment', readAttachment),
  api.deleteOne(ATTACHMENT, 'DeleteDrgAttachment', deleteAttachment),
  api.post('/remotePeeringConnections', 'CreateRemotePeeringConnection', createRpc),
  api.list('/remotePeeringConnections', 'ListRemotePeeringConnections', {
    kind: 'rpc',
    scope: 'region',
    filters: ['compartmentId', 'drgId'],
  }),
  api.getOne(RPC, 'GetRemotePeeringConnection', readRpc),
  api.post(`${RPC}/actions/connect`, 'ConnectRemotePeeringConnections', connectRpc),
  api.deleteOne(RPC, 'DeleteRemotePeeringConnection', deleteRpc),
];
