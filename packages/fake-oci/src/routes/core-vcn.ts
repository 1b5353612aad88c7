import { ApiError, invalidParameter } from '../api-error.js';
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
const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;
const MAX_NSG_RULES_PER_CALL = 25;

function arrayField(body: Json, name: string): Json[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidParameter(`${name} must be an array`);
  return value as Json[];
}

function validateRouteRules(call: Call, vcnId: string, rules: readonly Json[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    const target = rule.networkEntityId;
    const destination = rule.destination ?? rule.cidrBlock;
    if (typeof target !== 'string') throw invalidParameter('routeRules[].networkEntityId is required');
    if (typeof destination !== 'string' || !CIDR.test(destination))
      throw invalidParameter(`route destination ${String(destination)} is not a CIDR`);
    if (seen.has(destination)) throw invalidParameter(`duplicate route rule for ${destination}`);
    seen.add(destination);
    if (target.startsWith('ocid1.drg.')) {
      const attached = call.store.list(
        'drgAttachment',
        undefined,
        (a) => a.drgId === target && a.vcnId === vcnId && a.lifecycleState === 'ATTACHED',
      );
      if (attached.length === 0)
        throw new ApiError(400, 'InvalidParameter', `DRG ${target} is not attached to VCN ${vcnId}`);
    }
  }
}

function validateSecurityRules(rules: readonly Json[], peer: 'source' | 'destination'): void {
  for (const rule of rules) {
    if (typeof rule.protocol !== 'string') throw invalidParameter('security rule protocol is required');
    if (typeof rule[peer] !== 'string') throw invalidParameter(`security rule ${peer} is required`);
  }
}

function updateRouteTable(call: Call) {
  const id = call.params.rtId ?? '';
  const table = local(call, id, 'routeTable');
  checkIfMatch(call, id);
  const rules = arrayField(call.body, 'routeRules');
  const patch: Json = {};
  if (rules) {
    validateRouteRules(call, String(table.vcnId), rules);
    patch.routeRules = rules.map((r) => ({
      ...r,
      destinationType: r.destinationType ?? 'CIDR_BLOCK',
      routeType: 'STATIC',
    }));
  }
  if (typeof call.body.displayName === 'string') patch.displayName = call.body.displayName;
  call.store.update(id, patch);
  return withEtag(call, id, local(call, id, 'routeTable'));
}

function updateSecurityList(call: Call) {
  const id = call.params.securityListId ?? '';
  local(call, id, 'securityList');
  checkIfMatch(call, id);
  const patch: Json = {};
  const ingress = arrayField(call.body, 'ingressSecurityRules');
  const egress = arrayField(call.body, 'egressSecurityRules');
  if (ingress) {
    validateSecurityRules(ingress, 'source');
    patch.ingressSecurityRules = ingress;
  }
  if (egress) {
    validateSecurityRules(egress, 'destination');
    patch.egressSecurityRules = egress;
  }
  call.store.update(id, patch);
  return withEtag(call, id, local(call, id, 'securityList'));
}

function createNsg(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  const vcnId = requireString(call.body, 'vcnId');
  local(call, vcnId, 'vcn');
  const id = call.store.newId('networksecuritygroup', call.region);
  call.store.insert('nsg', call.region, id, {
    compartmentId,
    vcnId,
    displayName: call.body.displayName ?? id,
    freeformTags: call.body.freeformTags ?? {},
    definedTags: call.body.definedTags ?? {},
    timeCreated: new Date().toISOString(),
    securityRules: [],
  });
  call.store.walk(id, 'lifecycleState', ['PROVISIONING', 'AVAILABLE']);
  return withEtag(call, id, nsgView(call, id));
}

function nsgView(call: Call, id: string): Json {
  const { securityRules: _rules, ...rest } = local(call, id, 'nsg');
  return rest;
}

function nsgRules(call: Call, id: string): Json[] {
  return (local(call, id, 'nsg').securityRules as Json[] | undefined) ?? [];
}

function addNsgRules(call: Call) {
  const id = call.params.networkSecurityGroupId ?? '';
  const nsg = local(call, id, 'nsg');
  if (nsg.lifecycleState !== 'AVAILABLE')
    throw new ApiError(409, 'IncorrectState', `NSG ${id} is ${String(nsg.lifecycleState)}`);
  const rules = arrayField(call.body, 'securityRules') ?? [];
  if (rules.length > MAX_NSG_RULES_PER_CALL)
    throw invalidParameter(`at most ${MAX_NSG_RULES_PER_CALL} rules per call`);
  for (const rule of rules) {
    if (rule.direction !== 'INGRESS' && rule.direction !== 'EGRESS')
      throw invalidParameter('securityRules[].direction must be INGRESS or EGRESS');
    validateSecurityRules([rule], rule.direction === 'INGRESS' ? 'source' : 'destination');
  }
  const added = rules.map((rule, index) => ({
    ...rule,
    id: `${id}.rule${nsgRules(call, id).length + index + 1}`,
    isValid: true,
    timeCreated: new Date().toISOString(),
  }));
  call.store.update(id, { securityRules: [...nsgRules(call, id), ...added] });
  return { body: { securityRules: added } };
}

function removeNsgRules(call: Call) {
  const id = call.params.networkSecurityGroupId ?? '';
  const remove = new Set((call.body.securityRuleIds as string[] | undefined) ?? []);
  call.store.update(id, { securityRules: nsgRules(call, id).filter((r) => !remove.has(String(r.id))) });
  return { status: 200 };
}

function deleteNsg(call: Call) {
  const id = call.params.networkSecurityGroupId ?? '';
  local(call, id, 'nsg');
  checkIfMatch(call, id);
  call.store.retire(id, ['TERMINATING', 'TERMINATED']);
  return { status: 204 };
}

const getter = (kind: string, param: string) => (call: Call) => {
  const id = call.params[param] ?? '';
  return withEtag(call, id, local(call, id, kind));
};

export const vcnRoutes: readonly Route[] = [
  { version: V, method: 'GET', path: '/vcns/{vcnId}', operation: 'GetVcn', handler: getter('vcn', 'vcnId') },
  {
    version: V,
    method: 'GET',
    path: '/subnets',
    operation: 'ListSubnets',
    handler: (call) => {
      requireQuery(call, 'compartmentId');
      return paginate(
        call,
        call.store.list('subnet', call.region, (s) => matches(call, s, ['compartmentId', 'vcnId'])),
      );
    },
  },
  {
    version: V,
    method: 'GET',
    path: '/subnets/{subnetId}',
    operation: 'GetSubnet',
    handler: getter('subnet', 'subnetId'),
  },
  {
    version: V,
    method: 'GET',
    path: '/routeTables/{rtId}',
    operation: 'GetRouteTable',
    handler: getter('routeTable', 'rtId'),
  },
  {
    version: V,
    method: 'PUT',
    path: '/routeTables/{rtId}',
    operation: 'UpdateRouteTable',
    handler: updateRouteTable,
  },
  {
    version: V,
    method: 'GET',
    path: '/securityLists/{securityListId}',
    operation: 'GetSecurityList',
    handler: getter('securityList', 'securityListId'),
  },
  {
    version: V,
    method: 'PUT',
    path: '/securityLists/{securityListId}',
    operation: 'UpdateSecurityList',
    handler: updateSecurityList,
  },
  {
    version: V,
    method: 'POST',
    path: '/networkSecurityGroups',
    operation: 'CreateNetworkSecurityGroup',
    handler: createNsg,
  },
  {
    version: V,
    method: 'GET',
    path: '/networkSecurityGroups',
    operation: 'ListNetworkSecurityGroups',
    handler: (call) => {
      requireQuery(call, 'compartmentId');
      const groups = call.store.list('nsg', call.region, (n) => matches(call, n, ['compartmentId', 'vcnId']));
      return paginate(
        call,
        groups.map((g) => nsgView(call, String(g.id))),
      );
    },
  },
  {
    version: V,
    method: 'GET',
    path: '/networkSecurityGroups/{networkSecurityGroupId}',
    operation: 'GetNetworkSecurityGroup',
    handler: (call) =>
      withEtag(
        call,
        call.params.networkSecurityGroupId ?? '',
        nsgView(call, call.params.networkSecurityGroupId ?? ''),
      ),
  },
  {
    version: V,
    method: 'DELETE',
    path: '/networkSecurityGroups/{networkSecurityGroupId}',
    operation: 'DeleteNetworkSecurityGroup',
    handler: deleteNsg,
  },
  {
    version: V,
    method: 'GET',
    path: '/networkSecurityGroups/{networkSecurityGroupId}/securityRules',
    operation: 'ListNetworkSecurityGroupSecurityRules',
    handler: (call) => paginate(call, nsgRules(call, call.params.networkSecurityGroupId ?? '')),
  },
  {
    version: V,
    method: 'POST',
    path: '/networkSecurityGroups/{networkSecurityGroupId}/actions/addSecurityRules',
    operation: 'AddNetworkSecurityGroupSecurityRules',
    handler: addNsgRules,
  },
  {
    version: V,
    method: 'POST',
    path: '/networkSecurityGroups/{networkSecurityGroupId}/actions/removeSecurityRules',
    operation: 'RemoveNetworkSecurityGroupSecurityRules',
    handler: removeNsgRules,
  },
];
