import { conflict, invalidParameter, notFound } from '../api-error.js';
import {
  checkIfMatch,
  matches,
  paginate,
  requireQuery,
  requireString,
  withEtag,
  type Call,
  type Route,
} from '../route.js';
import { validateSteeringPolicy } from '../steering-policy-rules.js';

const V = '20180115';
const GLOBAL = 'global';

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
  call.store.insert('steeringPolicy', GLOBAL, id, {
    compartmentId,
    ...policyBody(call),
    timeCreated: new Date().toISOString(),
  });
  call.store.walk(id, 'lifecycleState', ['CREATING', 'ACTIVE']);
  return withEtag(call, id, call.store.get(id, 'steeringPolicy'), 201);
}

function updatePolicy(call: Call) {
  const id = call.params.steeringPolicyId ?? '';
  call.store.get(id, 'steeringPolicy');
  checkIfMatch(call, id);
  call.store.update(id, policyBody(call));
  return withEtag(call, id, call.store.get(id, 'steeringPolicy'));
}

function deletePolicy(call: Call) {
  const id = call.params.steeringPolicyId ?? '';
  call.store.get(id, 'steeringPolicy');
  checkIfMatch(call, id);
  if (call.store.list('steeringPolicyAttachment', GLOBAL, (a) => a.steeringPolicyId === id).length > 0) {
    throw conflict(`steering policy ${id} is still attached`);
  }
  call.store.retire(id, ['DELETING']);
  return { status: 204 };
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
  call.store.insert('steeringPolicyAttachment', GLOBAL, id, {
    compartmentId: zone.compartmentId,
    steeringPolicyId,
    zoneId,
    domainName,
    displayName: call.body.displayName ?? domainName,
    rtypes,
    timeCreated: new Date().toISOString(),
  });
  call.store.walk(id, 'lifecycleState', ['CREATING', 'ACTIVE']);
  return withEtag(call, id, call.store.get(id, 'steeringPolicyAttachment'), 201);
}

function getZone(call: Call) {
  const key = call.params.zoneNameOrId ?? '';
  const zone = call.store.has(key, 'zone')
    ? call.store.get(key, 'zone')
    : call.store.list('zone', GLOBAL, (z) => z.name === key)[0];
  if (!zone) throw notFound(`zone ${key}`);
  return withEtag(call, String(zone.id), zone);
}

export const dnsRoutes: readonly Route[] = [
  { version: V, method: 'GET', path: '/zones/{zoneNameOrId}', operation: 'GetZone', handler: getZone },
  {
    version: V,
    method: 'POST',
    path: '/steeringPolicies',
    operation: 'CreateSteeringPolicy',
    handler: createPolicy,
  },
  {
    version: V,
    method: 'GET',
    path: '/steeringPolicies',
    operation: 'ListSteeringPolicies',
    handler: (call) => {
      requireQuery(call, 'compartmentId');
      return paginate(
        call,
        call.store.list('steeringPolicy', GLOBAL, (p) => matches(call, p, ['compartmentId', 'displayName'])),
      );
    },
  },
  {
    version: V,
    method: 'GET',
    path: '/steeringPolicies/{steeringPolicyId}',
    operation: 'GetSteeringPolicy',
    handler: (call) =>
      withEtag(
        call,
        call.params.steeringPolicyId ?? '',
        call.store.get(call.params.steeringPolicyId ?? '', 'steeringPolicy'),
      ),
  },
  {
    version: V,
    method: 'PUT',
    path: '/steeringPolicies/{steeringPolicyId}',
    operation: 'UpdateSteeringPolicy',
    handler: updatePolicy,
  },
  {
    version: V,
    method: 'DELETE',
    path: '/steeringPolicies/{steeringPolicyId}',
    operation: 'DeleteSteeringPolicy',
    handler: deletePolicy,
  },
  {
    version: V,
    method: 'POST',
    path: '/steeringPolicyAttachments',
    operation: 'CreateSteeringPolicyAttachment',
    handler: createAttachment,
  },
  {
    version: V,
    method: 'GET',
    path: '/steeringPolicyAttachments',
    operation: 'ListSteeringPolicyAttachments',
    handler: (call) => {
      requireQuery(call, 'compartmentId');
      const domain = call.query.get('domain');
      return paginate(
        call,
        call.store.list(
          'steeringPolicyAttachment',
          GLOBAL,
          (a) =>
            matches(call, a, ['zoneId', 'steeringPolicyId']) && (domain === null || a.domainName === domain),
        ),
      );
    },
  },
  {
    version: V,
    method: 'GET',
    path: '/steeringPolicyAttachments/{steeringPolicyAttachmentId}',
    operation: 'GetSteeringPolicyAttachment',
    handler: (call) => {
      const id = call.params.steeringPolicyAttachmentId ?? '';
      return withEtag(call, id, call.store.get(id, 'steeringPolicyAttachment'));
    },
  },
  {
    version: V,
    method: 'DELETE',
    path: '/steeringPolicyAttachments/{steeringPolicyAttachmentId}',
    operation: 'DeleteSteeringPolicyAttachment',
    handler: (call) => {
      const id = call.params.steeringPolicyAttachmentId ?? '';
      call.store.get(id, 'steeringPolicyAttachment');
      call.store.retire(id, ['DELETING']);
      return { status: 204 };
    },
  },
];
