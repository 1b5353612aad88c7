import type { Topology } from '@okemesh/topology';
import { OciNetworkError } from '../errors.js';
import { iamPolicyName, iamStatements, type IamOptions } from '../model/iam-statements.js';
import { ownershipTags } from '../model/ownership.js';
import type { Plan } from '../model/plan.js';
import { apiCall, listAll } from './api-call.js';
import type { ClientFactory } from './clients.js';
import { createIdempotent } from './idempotent-create.js';

export interface IamApplyOptions extends IamOptions {
  readonly tenancyId: string;
  /** Where the policy lives. Default: the clusters' compartment when there is one, else the tenancy. */
  readonly policyCompartmentId?: string;
}

/** The tenancy's home region: IAM writes anywhere else fail with 403 NotAllowed. */
export async function homeRegion(
  clients: ClientFactory,
  anyRegion: string,
  tenancyId: string,
): Promise<string> {
  const { items } = await apiCall('ListRegionSubscriptions', () =>
    clients.for(anyRegion).iam.listRegionSubscriptions({ tenancyId }),
  );
  const home = items.find((s) => s.isHomeRegion);
  if (!home) throw new OciNetworkError('OCI_DISCOVERY_FAILED', `tenancy ${tenancyId} reports no home region`);
  return home.regionName;
}

/** Creates or updates the okemesh IAM policy in the home region. */
export async function convergeIam(
  topology: Topology,
  clients: ClientFactory,
  apply: boolean,
  options: IamApplyOptions,
): Promise<Plan> {
  const statements = iamStatements(topology, options).map((s) => s.statement);
  const compartments = [...new Set(topology.spec.clusters.map((c) => c.compartment))];
  const compartmentId =
    options.policyCompartmentId ??
    (compartments.length === 1 ? (compartments[0] ?? options.tenancyId) : options.tenancyId);
  const region = await homeRegion(clients, topology.spec.clusters[0]?.region ?? '', options.tenancyId);
  const { iam } = clients.for(region);
  const name = iamPolicyName(topology);
  const policies = await listAll('ListPolicies', (page) =>
    iam.listPolicies({ compartmentId, ...(page ? { page } : {}) }),
  );
  const current = policies.find((p) => p.name === name && p.lifecycleState !== 'DELETED');
  const base = { region, resource: 'iam-policy' as const, name };
  if (current) {
    if (JSON.stringify(current.statements) === JSON.stringify(statements)) {
      return {
        mesh: topology.metadata.name,
        changes: [
          { ...base, id: current.id, action: 'unchanged', reason: `${statements.length} statements match` },
        ],
        notes: [],
      };
    }
    if (apply)
      await apiCall('UpdatePolicy', () =>
        iam.updatePolicy({ policyId: current.id, updatePolicyDetails: { statements } }),
      );
    return {
      mesh: topology.metadata.name,
      changes: [
        { ...base, id: current.id, action: 'update', reason: 'statements differ', details: statements },
      ],
      notes: [],
    };
  }
  if (apply) {
    await createIdempotent(
      `IAM policy ${name}`,
      [topology.metadata.name, 'iam-policy', compartmentId, statements.join('\n')],
      async (token) =>
        (
          await apiCall('CreatePolicy', () =>
            iam.createPolicy({
              createPolicyDetails: {
                compartmentId,
                name,
                statements,
                description: `okemesh mesh ${topology.metadata.name}`,
                freeformTags: ownershipTags(topology.metadata.name, 'iam-policy'),
              },
              opcRetryToken: token,
            }),
          )
        ).policy,
      async (policyId) => (await apiCall('GetPolicy', () => iam.getPolicy({ policyId }))).policy,
    );
  }
  return {
    mesh: topology.metadata.name,
    changes: [{ ...base, action: 'create', reason: `home region ${region}`, details: statements }],
    notes: [],
  };
}
