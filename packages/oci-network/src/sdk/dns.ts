import type { Topology } from '@okemesh/topology';
import { OciNetworkError } from '../errors.js';
import { regionEndpoints } from '../model/dns-endpoints.js';
import { httpMonitorSpec } from '../model/health-monitor.js';
import type { Plan } from '../model/plan.js';
import { failoverSteeringPolicy, steeringPolicyName } from '../model/steering-policy.js';
import { assertValidSteeringPolicy } from '../model/steering-policy-check.js';
import { apiCall } from './api-call.js';
import type { ClientFactory } from './clients.js';
import { DnsRun } from './dns-context.js';
import { ensureMonitor, removeMonitor } from './dns-monitor.js';
import {
  ensureSteeringAttachment,
  ensureSteeringPolicy,
  removeSteering,
  type ZoneRef,
} from './dns-steering.js';
import type { RunOptions } from './run-context.js';

export interface DnsOptions extends RunOptions {
  /** Region → public ingress IP or hostname; default `<region>.<dns.domain>`. */
  readonly ingressAddresses?: Readonly<Record<string, string>>;
}

function setup(topology: Topology, clients: ClientFactory, apply: boolean, options: DnsOptions) {
  const dnsSpec = topology.spec.dns;
  if (!dnsSpec)
    throw new OciNetworkError('OCI_UNSUPPORTED_TOPOLOGY', 'the topology has no spec.dns: nothing to steer');
  const primary = topology.spec.clusters.find((c) => c.role === 'primary') ?? topology.spec.clusters[0];
  if (!primary) throw new OciNetworkError('OCI_UNSUPPORTED_TOPOLOGY', 'the topology has no clusters');
  const run = new DnsRun(
    topology.metadata.name,
    clients.for(primary.region),
    primary.compartment,
    apply,
    options,
  );
  return { dnsSpec, run };
}

async function zoneOf(run: DnsRun, zoneName: string): Promise<ZoneRef> {
  const { zone } = await apiCall('GetZone', () => run.clients.dns.getZone({ zoneNameOrId: zoneName }));
  return { id: zone.id, name: zone.name, compartmentId: zone.compartmentId };
}

/**
 * Converges DNS failover: Health Checks HTTP monitor on every region's ingress → FAILOVER steering policy
 * (validated locally first) with that monitor → attachment to the domain in its zone.
 */
export async function convergeDns(
  topology: Topology,
  clients: ClientFactory,
  apply: boolean,
  options: DnsOptions = {},
): Promise<Plan> {
  const { dnsSpec, run } = setup(topology, clients, apply, options);
  const endpoints = regionEndpoints(topology, options.ingressAddresses);
  const monitor = httpMonitorSpec(topology, endpoints);
  // Validate with a stand-in monitor id before any call, so a bad shape never reaches OCI.
  assertValidSteeringPolicy(failoverSteeringPolicy(topology, endpoints, 'pending'), monitor.targets);
  const zone = await zoneOf(run, dnsSpec.zone);
  const monitorId = await ensureMonitor(run, monitor);
  const policy = failoverSteeringPolicy(topology, endpoints, monitorId ?? 'pending');
  assertValidSteeringPolicy(policy, monitor.targets);
  const policyId = await ensureSteeringPolicy(run, policy);
  await ensureSteeringAttachment(run, zone, dnsSpec.domain, policyId, policy.displayName);
  return {
    mesh: run.mesh,
    changes: run.changes,
    notes: endpoints.map(
      (e) => `${e.region} answers ${e.rtype} ${e.address} (priority ${endpoints.indexOf(e) + 1})`,
    ),
  };
}

/** Removes the okemesh attachment, policy and monitor (reverse order); foreign ones are never touched. */
export async function destroyDns(
  topology: Topology,
  clients: ClientFactory,
  apply: boolean,
  options: RunOptions = {},
): Promise<Plan> {
  const { dnsSpec, run } = setup(topology, clients, apply, options);
  const zone = await zoneOf(run, dnsSpec.zone);
  await removeSteering(run, zone, dnsSpec.domain, steeringPolicyName(topology));
  await removeMonitor(run);
  return { mesh: run.mesh, changes: run.changes, notes: [] };
}
