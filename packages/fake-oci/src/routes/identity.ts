import { ApiError, conflict, invalidParameter } from '../api-error.js';
import {
  checkIfMatch,
  paginate,
  requireQuery,
  requireString,
  withEtag,
  type Call,
  type Route,
} from '../route.js';

const V = '20160918';
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
function homeOnly(call: Call, homeRegion: string): void {
  if (call.region !== homeRegion)
    throw new ApiError(403, 'NotAllowed', 'Please go to your home region to execute CUD operations');
}

export function identityRoutes(homeRegion: string, regions: () => readonly string[]): readonly Route[] {
  return [
    {
      version: V,
      method: 'GET',
      path: '/tenancies/{tenancyId}/regionSubscriptions',
      operation: 'ListRegionSubscriptions',
      handler: () => ({
        body: regions().map((region) => ({
          regionKey: region.slice(0, 3).toUpperCase(),
          regionName: region,
          status: 'READY',
          isHomeRegion: region === homeRegion,
        })),
      }),
    },
    {
      version: V,
      method: 'POST',
      path: '/policies',
      operation: 'CreatePolicy',
      handler: (call) => {
        homeOnly(call, homeRegion);
        const compartmentId = requireString(call.body, 'compartmentId');
        const name = requireString(call.body, 'name');
        if (call.store.list('policy', undefined, (p) => p.name === name).length > 0)
          throw conflict(`policy ${name} already exists`);
        const id = call.store.newId('policy', 'oc1');
        call.store.insert('policy', 'global', id, {
          compartmentId,
          name,
          statements: statements(call),
          description: call.body.description ?? name,
          freeformTags: call.body.freeformTags ?? {},
          timeCreated: new Date().toISOString(),
        });
        call.store.walk(id, 'lifecycleState', ['CREATING', 'ACTIVE']);
        return withEtag(call, id, call.store.get(id, 'policy'));
      },
    },
    {
      version: V,
      method: 'GET',
      path: '/policies',
      operation: 'ListPolicies',
      handler: (call) => {
        const compartmentId = requireQuery(call, 'compartmentId');
        return paginate(
          call,
          call.store.list('policy', undefined, (p) => p.compartmentId === compartmentId),
        );
      },
    },
    {
      version: V,
      method: 'GET',
      path: '/policies/{policyId}',
      operation: 'GetPolicy',
      handler: (call) =>
        withEtag(call, call.params.policyId ?? '', call.store.get(call.params.policyId ?? '', 'policy')),
    },
    {
      version: V,
      method: 'PUT',
      path: '/policies/{policyId}',
      operation: 'UpdatePolicy',
      handler: (call) => {
        homeOnly(call, homeRegion);
        const id = call.params.policyId ?? '';
        call.store.get(id, 'policy');
        checkIfMatch(call, id);
        call.store.update(id, {
          statements: statements(call),
          ...(call.body.description ? { description: call.body.description } : {}),
        });
        return withEtag(call, id, call.store.get(id, 'policy'));
      },
    },
    {
      version: V,
      method: 'DELETE',
      path: '/policies/{policyId}',
      operation: 'DeletePolicy',
      handler: (call) => {
        homeOnly(call, homeRegion);
        const id = call.params.policyId ?? '';
        call.store.get(id, 'policy');
        call.store.retire(id, ['DELETING']);
        return { status: 204 };
      },
    },
  ];
}
