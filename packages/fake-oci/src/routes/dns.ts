import { conflict, invalidParameter, notFound } from '../api-error.js';
import { requireString, withEtag, type Call, type Route } from '../route.js';
import { validateSteeringPolicy } from '../steering-policy-rules.js';
import type { Json } from '../store.js';
import { anyRegion, created, routeBuilders, type Creation } from './route-builders.js';

const api = routeBuilders('20180115');
const GLOBAL = 'global';
const readPolicy = anyRegion('steeringPolicy');
const readAttachment = anyRegion('steeringPolicyAttachment');
const CREATING = ['CREATING', 'ACTIVE'];
const NEW_POLICY: Creation = {
  kind: 'steeringPolicy',
  region: GLOBAL,
  states: CREATING,
  read: readPolicy,
  status: 201,
};
const NEW_ATTACHMENT: Creation = { ...NEW_POLICY, kind: 'steeringPolicyAttachment', read: readAttachment };

function policyBody(call: Call) {
  validateSteeringPolicy(call.body, (id) => call.store.has(id, 'httpMonitor'));
  return {
    displayName: requireString(call.body, 'displayName'),
    template: call.body.template,
    ttl: call.body.ttl ?? 30,
    healthCheckMonitorId: call.body.healthCheckMonitorId ?? null,
    answers: call.body.answers ?? [],
    rules: call.body.rules ?? [],
    freeformTags: call.body.freeformTags ?? {},
    definedTags: call.body.definedTags ?? {},
  };
}

function createPolicy(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  const id = call.store.newId('dnspolicy', GLOBAL);
  const fields = { compartmentId, ...policyBody(call), timeCreated: new Date().toISOString() };
  return created(call, NEW_POLICY, id, fields);
}

function notAttached(call: Call, id: string) {
  if (call.store.list('steeringPolicyAttachment', GLOBAL, (a) => a.steeringPolicyId === id).length > 0) {
    throw conflict(`steering policy ${id} is still attached`);
  }
}

function createAttachment(call: Call) {
  const steeringPolicyId = requireString(call.body, 'steeringPolicyId');
  const zoneId = requireString(call.body, 'zoneId');
  const domainName = requireString(call.body, 'domainName');
  const policy = call.store.get(steeringPolicyId, 'steeringPolicy');
  const zone = call.store.get(zoneId, 'zone');
  const zoneName = String(zone.name);
  if (domainName !== zoneName && !domainName.endsWith(`.${zoneName}`))
    throw invalidParameter(`${domainName} is not in zone ${zoneName}`);
  if (zone.zoneType !== 'PRIMARY' || zone.scope === 'PRIVATE')
    throw invalidParameter('steering policies attach only to public primary zones');
  const rtypes = [...new Set(((policy.answers ?? []) as { rtype: string }[]).map((a) => a.rtype))];
  const clash = call.store.list(
    'steeringPolicyAttachment',
    GLOBAL,
    (a) => a.domainName === domainName && (a.rtypes as string[]).some((t) => rtypes.includes(t)),
  );
  if (clash.length > 0)
    throw conflict(`${domainName} already has a steering policy attachment for ${rtypes.join(',')}`);
  const id = call.store.newId('dnspolicyattachment', GLOBAL);
  const fields = {
    compartmentId: zone.compartmentId,
    steeringPolicyId,
    zoneId,
    domainName,
    displayName: call.body.displayName ?? domainName,
    rtypes,
    timeCreated: new Date().toISOString(),
  };
  return created(call, NEW_ATTACHMENT, id, fields);
}

function getZone(call: Call) {
  const key = call.params.zoneNameOrId ?? '';
  const zone = call.store.has(key, 'zone')
    ? call.store.get(key, 'zone')
    : call.store.list('zone', GLOBAL, (z) => z.name === key)[0];
  if (!zone) throw notFound(`zone ${key}`);
  return withEtag(call, String(zone.id), zone);
}

/** `domain` filters on the attachment's `domainName`. */
function inDomain(call: Call, item: Json): boolean {
  const domain = call.query.get('domain');
  return domain === null || item.domainName === domain;
}

export const dnsRoutes: readonly Route[] = [
  api.get('/zones/{zoneNameOrId}', 'GetZone', getZone),
  api.post('/steeringPolicies', 'CreateSteeringPolicy', createPolicy),
  api.list('/steeringPolicies', 'ListSteeringPolicies', {
    kind: 'steeringPolicy',
    scope: 'global',
    filters: ['compartmentId', 'displayName'],
  }),
  api.getOne('/steeringPolicies/{steeringPolicyId}', 'GetSteeringPolicy', readPolicy),
  api.updateOne('/steeringPolicies/{steeringPolicyId}', 'UpdateSteeringPolicy', readPolicy, policyBody),
  api.deleteOne('/steeringPolicies/{steeringPolicyId}', 'DeleteSteeringPolicy', {
    read: readPolicy,
    ifMatch: true,
    states: ['DELETING'],
    check: notAttached,
  }),
  api.post('/steeringPolicyAttachments', 'CreateSteeringPolicyAttachment', createAttachment),
  api.list('/steeringPolicyAttachments', 'ListSteeringPolicyAttachments', {
    kind: 'steeringPolicyAttachment',
    scope: 'global',
    filters: ['zoneId', 'steeringPolicyId'],
    where: inDomain,
  }),
  api.getOne(
    '/steeringPolicyAttachments/{steeringPolicyAttachmentId}',
    'GetSteeringPolicyAttachment',
    readAttachment,
  ),
  api.deleteOne('/steeringPolicyAttachments/{steeringPolicyAttachmentId}', 'DeleteSteeringPolicyAttachment', {
    read: readAttachment,
    ifMatch: false,
    states: ['DELETING'],
  }),
];
