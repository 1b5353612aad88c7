import { ApiError, invalidParameter } from '../api-error.js';
import { local, paginate, requireString, type Call, type Route } from '../route.js';
import type { Json } from '../store.js';
import { created, regional, routeBuilders } from './route-builders.js';

const api = routeBuilders('20160918');
const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;
const MAX_NSG_RULES_PER_CALL = 25;

function arrayField(body: Json, name: string): Json[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidParameter(`${name} must be an array`);
  return value as Json[];
}

/** A Services Network label as OCI names them: `all-<key>-services-in-oracle-services-network`, `oci-<key>-objectstorage`. */
const SERVICE_CIDR = /^(all-[a-z0-9]+-services-in-oracle-services-network|oci-[a-z0-9]+-objectstorage)$/;

function validateRouteRules(call: Call, vcnId: string, rules: readonly Json[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    const target = rule.networkEntityId;
    const destination = rule.destination ?? rule.cidrBlock;
    const type = rule.destinationType ?? 'CIDR_BLOCK';
    if (typeof target !== 'string') throw invalidParameter('routeRules[].networkEntityId is required');
    if (type === 'SERVICE_CIDR_BLOCK') {
      // OKE quick-create's private route table sends the Oracle Services Network through the service gateway.
      if (typeof destination !== 'string' || !SERVICE_CIDR.test(destination))
        throw invalidParameter(
          `route destination ${String(destination)} is not a Services Network CIDR label`,
        );
      if (!target.startsWith('ocid1.servicegateway.'))
        throw invalidParameter('a SERVICE_CIDR_BLOCK route must target a service gateway');
    } else if (type !== 'CIDR_BLOCK') {
      throw invalidParameter(
        `routeRules[].destinationType ${String(type)} is not CIDR_BLOCK or SERVICE_CIDR_BLOCK`,
      );
    } else if (typeof destination !== 'string' || !CIDR.test(destination))
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

/** Which options block each IANA protocol number may carry ('all' carries none). */
const OPTIONS_FOR: Readonly<Record<string, string>> = {
  '6': 'tcpOptions',
  '17': 'udpOptions',
  '1': 'icmpOptions',
  '58': 'icmpOptions',
};

function validatePortRange(range: unknown, where: string): void {
  if (range === undefined) return;
  const { min, max } = (range ?? {}) as Json;
  const port = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;
  if (!port(min) || !port(max) || (min as number) > (max as number))
    throw invalidParameter(`${where} must have integer min and max in 1-65535 with min <= max`);
}

/**
 * What OCI rejects in a security rule: a protocol that is not `all` or an IANA number as a string (`TCP`,
 * `tcp`, `6 ` are 400s), an options block that does not belong to the protocol (tcpOptions on a UDP rule),
 * and port ranges outside 1-65535 or with min > max.
 */
function validateSecurityRules(rules: readonly Json[], peer: 'source' | 'destination'): void {
  for (const rule of rules) {
    const protocol = rule.protocol;
    if (typeof protocol !== 'string') throw invalidParameter('security rule protocol is required');
    if (protocol !== 'all' && !/^(0|[1-9]\d{0,2})$/.test(protocol))
      throw invalidParameter(
        `security rule protocol ${protocol} must be "all" or an IANA protocol number such as "6"`,
      );
    if (Number(protocol) > 255)
      throw invalidParameter(`security rule protocol ${protocol} is not a protocol number`);
    if (typeof rule[peer] !== 'string') throw invalidParameter(`security rule ${peer} is required`);
    for (const block of ['tcpOptions', 'udpOptions', 'icmpOptions']) {
      if (rule[block] !== undefined && rule[block] !== null && OPTIONS_FOR[protocol] !== block)
        throw invalidParameter(`security rule with protocol ${protocol} cannot have ${block}`);
    }
    for (const block of ['tcpOptions', 'udpOptions']) {
      const options = rule[block] as Json | undefined | null;
      if (!options) continue;
      validatePortRange(options.destinationPortRange, `${block}.destinationPortRange`);
      validatePortRange(options.sourcePortRange, `${block}.sourcePortRange`);
    }
  }
}

function routeTablePatch(call: Call, table: Json): Json {
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
  return patch;
}

function securityListPatch(call: Call): Json {
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
  return patch;
}

function createNsg(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  const vcnId = requireString(call.body, 'vcnId');
  local(call, vcnId, 'vcn');
  const id = call.store.newId('networksecuritygroup', call.region);
  const fields = {
    compartmentId,
    vcnId,
    displayName: call.body.displayName ?? id,
    freeformTags: call.body.freeformTags ?? {},
    definedTags: call.body.definedTags ?? {},
    timeCreated: new Date().toISOString(),
    securityRules: [],
  };
  return created(call, { kind: 'nsg', states: ['PROVISIONING', 'AVAILABLE'], read: nsgView }, id, fields);
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

const NSG = '/networkSecurityGroups/{networkSecurityGroupId}';
const readRouteTable = regional('routeTable');
const readSecurityList = regional('securityList');

export const vcnRoutes: readonly Route[] = [
  api.getOne('/vcns/{vcnId}', 'GetVcn', regional('vcn')),
  api.list('/subnets', 'ListSubnets', {
    kind: 'subnet',
    scope: 'region',
    filters: ['compartmentId', 'vcnId'],
  }),
  api.getOne('/subnets/{subnetId}', 'GetSubnet', regional('subnet')),
  api.getOne('/routeTables/{rtId}', 'GetRouteTable', readRouteTable),
  api.updateOne('/routeTables/{rtId}', 'UpdateRouteTable', readRouteTable, routeTablePatch),
  api.getOne('/securityLists/{securityListId}', 'GetSecurityList', readSecurityList),
  api.updateOne('/securityLists/{securityListId}', 'UpdateSecurityList', readSecurityList, securityListPatch),
  api.post('/networkSecurityGroups', 'CreateNetworkSecurityGroup', createNsg),
  api.list('/networkSecurityGroups', 'ListNetworkSecurityGroups', {
    kind: 'nsg',
    scope: 'region',
    filters: ['compartmentId', 'vcnId'],
    view: (call, group) => nsgView(call, String(group.id)),
  }),
  api.getOne(NSG, 'GetNetworkSecurityGroup', nsgView),
  api.deleteOne(NSG, 'DeleteNetworkSecurityGroup', {
    read: regional('nsg'),
    ifMatch: true,
    states: ['TERMINATING', 'TERMINATED'],
  }),
  api.get(`${NSG}/securityRules`, 'ListNetworkSecurityGroupSecurityRules', (call) =>
    paginate(call, nsgRules(call, call.params.networkSecurityGroupId ?? '')),
  ),
  api.post(`${NSG}/actions/addSecurityRules`, 'AddNetworkSecurityGroupSecurityRules', addNsgRules),
  api.post(`${NSG}/actions/removeSecurityRules`, 'RemoveNetworkSecurityGroupSecurityRules', removeNsgRules),
];
