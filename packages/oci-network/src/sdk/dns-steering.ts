import type * as dns from 'oci-dns';
import { OciNetworkError } from '../errors.js';
import { isOwned } from '../model/ownership.js';
import type { SteeringPolicySpec } from '../model/steering-policy.js';
import { apiCall, listAll, waitGone, waitUntil } from './api-call.js';
import { canonical, type DnsRun } from './dns-context.js';
import { createIdempotent } from './idempotent-create.js';

function comparable(p: {
  ttl?: number;
  template?: string;
  healthCheckMonitorId?: string;
  answers?: readonly object[];
  rules?: readonly object[];
}) {
  const answers = (p.answers ?? []) as {
    name: string;
    rtype: string;
    rdata: string;
    pool?: string;
    isDisabled?: boolean;
  }[];
  const rules = (p.rules ?? []) as { ruleType: string; defaultAnswerData?: unknown; defaultCount?: number }[];
  return canonical({
    ttl: p.ttl,
    template: p.template,
    monitor: p.healthCheckMonitorId,
    answers: answers.map((a) => ({
      name: a.name,
      rtype: a.rtype,
      rdata: a.rdata,
      pool: a.pool,
      disabled: a.isDisabled === true,
    })),
    rules: rules.map((r) => ({ ruleType: r.ruleType, data: r.defaultAnswerData, count: r.defaultCount })),
  });
}

function toSdk(spec: SteeringPolicySpec) {
  return {
    ...spec,
    template: spec.template as dns.models.CreateSteeringPolicyDetails.Template,
    answers: spec.answers.map((a) => ({ ...a })),
    rules: spec.rules as unknown as dns.models.SteeringPolicyRule[],
    freeformTags: { ...spec.freeformTags },
  };
}

async function findOwned(run: DnsRun, name: string) {
  const { dns: client } = run.clients;
  const all = await listAll('ListSteeringPolicies', (page) =>
    client.listSteeringPolicies({
      compartmentId: run.compartmentId,
      displayName: name,
      ...(page ? { page } : {}),
    }),
  );
  const summary = all.find(
    (p) =>
      isOwned(p.freeformTags, run.mesh, 'steering-policy') &&
      p.lifecycleState !== 'DELETING' &&
      p.lifecycleState !== 'DELETED',
  );
  if (!summary) return undefined;
  return apiCall('GetSteeringPolicy', () => client.getSteeringPolicy({ steeringPolicyId: summary.id }));
}

async function waitActive(run: DnsRun, steeringPolicyId: string): Promise<void> {
  await waitUntil(
    `steering policy ${steeringPolicyId}`,
    async () =>
      (await apiCall('GetSteeringPolicy', () => run.clients.dns.getSteeringPolicy({ steeringPolicyId })))
        .steeringPolicy.lifecycleState,
    (s) => s === 'ACTIVE',
    run.wait(),
  );
}

/** Creates or updates (if-match) the FAILOVER policy. `spec` must already be validated. */
export async function ensureSteeringPolicy(
  run: DnsRun,
  spec: SteeringPolicySpec,
): Promise<string | undefined> {
  const { dns: client } = run.clients;
  const current = await findOwned(run, spec.displayName);
  if (current) {
    const id = current.steeringPolicy.id;
    if (comparable(current.steeringPolicy) === comparable(spec)) {
      run.record({
        resource: 'steering-policy',
        name: spec.displayName,
        id,
        action: 'unchanged',
        reason: 'FAILOVER answers, rules and monitor match',
      });
      return id;
    }
    run.record({
      resource: 'steering-policy',
      name: spec.displayName,
      id,
      action: 'update',
      reason: 'answers, rules, TTL or monitor differ',
    });
    if (run.apply) {
      run.checkAbort();
      run.progress(`updating steering policy ${id}`);
      await apiCall('UpdateSteeringPolicy', () =>
        client.updateSteeringPolicy({
          steeringPolicyId: id,
          updateSteeringPolicyDetails: toSdk(spec),
          ...(current.eTag ? { ifMatch: current.eTag } : {}),
        }),
      );
      await waitActive(run, id);
    }
    return id;
  }
  run.record({
    resource: 'steering-policy',
    name: spec.displayName,
    action: 'create',
    reason: 'no okemesh FAILOVER policy',
  });
  if (!run.apply) return undefined;
  run.checkAbort();
  run.progress(`creating steering policy ${spec.displayName}`);
  const created = await createIdempotent(
    `steering policy ${spec.displayName}`,
    [run.mesh, 'steering-policy', run.compartmentId, comparable(spec)],
    async (token) =>
      (
        await apiCall('CreateSteeringPolicy', () =>
          client.createSteeringPolicy({
            createSteeringPolicyDetails: { compartmentId: run.compartmentId, ...toSdk(spec) },
            opcRetryToken: token,
          }),
        )
      ).steeringPolicy,
    async (steeringPolicyId) =>
      (await apiCall('GetSteeringPolicy', () => client.getSteeringPolicy({ steeringPolicyId })))
        .steeringPolicy,
  );
  await waitActive(run, created.id);
  return created.id;
}

export interface ZoneRef {
  readonly id: string;
  readonly name: string;
  readonly compartmentId: string;
}

async function attachmentsFor(run: DnsRun, zone: ZoneRef, domain: string) {
  return listAll('ListSteeringPolicyAttachments', (page) =>
    run.clients.dns.listSteeringPolicyAttachments({
      compartmentId: zone.compartmentId,
      zoneId: zone.id,
      domain,
      ...(page ? { page } : {}),
    }),
  );
}

/** Attaches the policy to the domain; refuses when another (not okemesh) policy already steers it. */
export async function ensureSteeringAttachment(
  run: DnsRun,
  zone: ZoneRef,
  domain: string,
  policyId: string | undefined,
  displayName: string,
): Promise<void> {
  const existing = (await attachmentsFor(run, zone, domain)).filter((a) => a.lifecycleState !== 'DELETING');
  const ours = existing.find((a) => a.steeringPolicyId === policyId);
  if (ours) {
    run.record({
      resource: 'steering-policy-attachment',
      name: domain,
      id: ours.id,
      action: 'unchanged',
      reason: `policy attached to ${domain} in ${zone.name}`,
    });
    return;
  }
  const other = existing[0];
  if (other)
    throw new OciNetworkError(
      'OCI_NOT_OWNED',
      `${domain} is already steered by policy ${other.steeringPolicyId} (attachment ${other.id}), which okemesh does not own`,
    );
  run.record({
    resource: 'steering-policy-attachment',
    name: domain,
    action: 'create',
    reason: `${domain} has no steering policy attachment`,
  });
  if (!run.apply || !policyId) return;
  run.checkAbort();
  run.progress(`attaching steering policy to ${domain}`);
  const { dns: client } = run.clients;
  const created = await createIdempotent(
    `steering policy attachment ${domain}`,
    [run.mesh, 'steering-attachment', zone.id, domain, policyId],
    async (token) =>
      (
        await apiCall('CreateSteeringPolicyAttachment', () =>
          client.createSteeringPolicyAttachment({
            createSteeringPolicyAttachmentDetails: {
              steeringPolicyId: policyId,
              zoneId: zone.id,
              domainName: domain,
              displayName,
            },
            opcRetryToken: token,
          }),
        )
      ).steeringPolicyAttachment,
    async (steeringPolicyAttachmentId) =>
      (
        await apiCall('GetSteeringPolicyAttachment', () =>
          client.getSteeringPolicyAttachment({ steeringPolicyAttachmentId }),
        )
      ).steeringPolicyAttachment,
  );
  await waitUntil(
    `steering policy attachment ${created.id}`,
    async () =>
      (
        await apiCall('GetSteeringPolicyAttachment', () =>
          client.getSteeringPolicyAttachment({ steeringPolicyAttachmentId: created.id }),
        )
      ).steeringPolicyAttachment.lifecycleState,
    (s) => s === 'ACTIVE',
    run.wait(),
  );
}

/** Destroy: attachment first (only the one pointing at okemesh's policy), then the policy. */
export async function removeSteering(
  run: DnsRun,
  zone: ZoneRef,
  domain: string,
  policyName: string,
): Promise<void> {
  const { dns: client } = run.clients;
  const policy = await findOwned(run, policyName);
  if (!policy) return;
  const policyId = policy.steeringPolicy.id;
  for (const attachment of (await attachmentsFor(run, zone, domain)).filter(
    (a) => a.steeringPolicyId === policyId,
  )) {
    run.record({
      resource: 'steering-policy-attachment',
      name: domain,
      id: attachment.id,
      action: 'delete',
      reason: 'attaches the okemesh policy',
    });
    if (!run.apply) continue;
    await apiCall('DeleteSteeringPolicyAttachment', () =>
      client.deleteSteeringPolicyAttachment({ steeringPolicyAttachmentId: attachment.id }),
    );
    await waitGone(
      `steering policy attachment ${attachment.id}`,
      async () =>
        (
          await apiCall('GetSteeringPolicyAttachment', () =>
            client.getSteeringPolicyAttachment({ steeringPolicyAttachmentId: attachment.id }),
          )
        ).steeringPolicyAttachment,
      ['DELETED'],
      run.wait(),
    );
  }
  run.record({
    resource: 'steering-policy',
    name: policyName,
    id: policyId,
    action: 'delete',
    reason: 'owned by okemesh',
  });
  if (run.apply)
    await apiCall('DeleteSteeringPolicy', () => client.deleteSteeringPolicy({ steeringPolicyId: policyId }));
}
