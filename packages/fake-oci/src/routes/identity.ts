import { ApiError, conflict, invalidParameter } from '../api-error.js';
import { requireString, type Call, type Route } from '../route.js';
import type { Json } from '../store.js';
import { anyRegion, created, routeBuilders, type Creation } from './route-builders.js';

const api = routeBuilders('20160918');
const readPolicy = anyRegion('policy');
const NEW_POLICY: Creation = {
  kind: 'policy',
  region: 'global',
  states: ['CREATING', 'ACTIVE'],
  read: readPolicy,
};
const STATEMENT = /^(allow|define|endorse|admit)\s/i;

function statements(call: Call): string[] {
  const value = call.body.statements;
  if (!Array.isArray(value) || value.length === 0) throw invalidParameter('statements must not be empty');
  for (const statement of value) {
    if (typeof statement !== 'string' || !STATEMENT.test(statement))
      throw invalidParameter(`statement is not valid policy syntax: ${String(statement)}`);
    if (/^allow\s/i.test(statement) && !/\sin\s+(tenancy|compartment)\b/i.test(statement))
      throw invalidParameter(`statement lacks a location: ${statement}`);
  }
  return value as string[];
}

/** IAM writes are accepted only in the home region, like OCI (403 NotAllowed elsewhere). */
function homeOnly(homeRegion: string, route: Route): Route {
  return {
    ...route,
    handler: (call) => {
      if (call.region !== homeRegion)
        throw new ApiError(403, 'NotAllowed', 'Please go to your home region to execute CUD operations');
      return route.handler(call);
    },
  };
}

function createPolicy(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  const name = requireString(call.body, 'name');
  if (call.store.list('policy', undefined, (p) => p.name === name).length > 0)
    throw conflict(`policy ${name} already exists`);
  const id = call.store.newId('policy', 'oc1');
  const fields = {
    compartmentId,
    name,
    statements: statements(call),
    description: call.body.description ?? name,
    freeformTags: call.body.freeformTags ?? {},
    timeCreated: new Date().toISOString(),
  };
  return created(call, NEW_POLICY, id, fields);
}

function policyPatch(call: Call): Json {
  return {
    statements: statements(call),
    ...(call.body.description ? { description: call.body.description } : {}),
  };
}

export function identityRoutes(homeRegion: string, regions: () => readonly string[]): readonly Route[] {
  const home = (route: Route) => homeOnly(homeRegion, route);
  return [
    api.get('/tenancies/{tenancyId}/regionSubscriptions', 'ListRegionSubscriptions', () => ({
      body: regions().map((region) => ({
        regionKey: region.slice(0, 3).toUpperCase(),
        regionName: region,
        status: 'READY',
        isHomeRegion: region === homeRegion,
      })),
    })),
    home(api.post('/policies', 'CreatePolicy', createPolicy)),
    api.list('/policies', 'ListPolicies', { kind: 'policy', scope: 'all', filters: ['compartmentId'] }),
    api.getOne('/policies/{policyId}', 'GetPolicy', readPolicy),
    home(api.updateOne('/policies/{policyId}', 'UpdatePolicy', readPolicy, policyPatch)),
    home(
      api.deleteOne('/policies/{policyId}', 'DeletePolicy', {
        read: readPolicy,
        ifMatch: false,
        states: ['DELETING'],
      }),
    ),
  ];
}
