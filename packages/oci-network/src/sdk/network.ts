import type { Topology } from '@okemesh/topology';
import { desiredNetwork, type IngressMode } from '../model/desired-network.js';
import { ISTIO_CROSS_REGION_PORTS, ISTIO_PORTS_NOT_OPENED } from '../model/istio-ports.js';
import type { Plan } from '../model/plan.js';
import type { ClientFactory } from './clients.js';
import { forEach, RegionRun, type RunOptions } from './run-context.js';
import { ensureAttachment, ensureDrg } from './steps-drg.js';
import { ensureNsg, removeNsg } from './steps-nsg.js';
import { ensurePeering, ensureRpcs } from './steps-peering.js';
import { ensureRoutes, removeRoutes } from './steps-routes.js';
import { ensureSecurityLists, removeSecurityListRules } from './steps-security-lists.js';
import { removePeeringAndDrg } from './steps-teardown.js';
import { discoverVcn } from './steps-vcn.js';

export interface NetworkOptions extends RunOptions {
  readonly ingressMode?: IngressMode;
}

function notes(mode: IngressMode): string[] {
  return [
    ...ISTIO_CROSS_REGION_PORTS.map(
      (p) => `opens ${p.port}/${p.protocol} from the remote VCN on the ${p.target} (${mode}): ${p.why}`,
    ),
    ...ISTIO_PORTS_NOT_OPENED.map((p) => `leaves ${p.port} closed: ${p.why}`),
    ...(mode === 'nsg'
      ? ['attach the okemesh NSG to the east-west gateway load balancer and the cluster API endpoint']
      : []),
  ];
}

function runs(
  topology: Topology,
  clients: ClientFactory,
  apply: boolean,
  options: NetworkOptions,
): RegionRun[] {
  const network = desiredNetwork(topology, options.ingressMode);
  return network.regions.map(
    (region) => new RegionRun(network.mesh, region, clients.for(region.region), apply, options),
  );
}

function collect(topology: Topology, all: readonly RegionRun[], mode: IngressMode): Plan {
  return { mesh: topology.metadata.name, changes: all.flatMap((r) => r.changes), notes: notes(mode) };
}

/**
 * Converges the cross-region network (apply = true) or only reports what it would do (plan). Order, per §9 of the
 * reference: DRG → VCN attachment → RPCs in every region (regions in parallel), then connect each pair from the
 * requestor side and wait for PEERED, then route rules and Istio ingress rules (regions in parallel).
 */
async function converge(
  topology: Topology,
  clients: ClientFactory,
  apply: boolean,
  options: NetworkOptions,
): Promise<Plan> {
  const mode = options.ingressMode ?? 'security-list';
  const all = runs(topology, clients, apply, options);
  await forEach(all, options.sequential, async (run) => {
    run.progress('reading VCN, DRG and peering state');
    await discoverVcn(run);
    await ensureDrg(run);
    await ensureAttachment(run);
    await ensureRpcs(run);
  });
  const pairs = all.flatMap((run) =>
    run.desired.peers
      .filter((p) => p.side === 'requestor')
      .map((p) => [run, all.find((r) => r.region === p.region)] as const),
  );
  await forEach(pairs, options.sequential, async ([requestor, acceptor]) => {
    if (acceptor) await ensurePeering(requestor, acceptor);
  });
  await forEach(all, options.sequential, async (run) => {
    await ensureRoutes(run);
    if (mode === 'nsg') await ensureNsg(run);
    else await ensureSecurityLists(run);
    if (apply) run.progress('converged');
  });
  return collect(topology, all, mode);
}

export function planNetwork(
  topology: Topology,
  clients: ClientFactory,
  options: NetworkOptions = {},
): Promise<Plan> {
  return converge(topology, clients, false, options);
}

export function applyNetwork(
  topology: Topology,
  clients: ClientFactory,
  options: NetworkOptions = {},
): Promise<Plan> {
  return converge(topology, clients, true, options);
}

/** Removes only what okemesh owns, in reverse order: rules, NSG, RPCs, VCN attachment, DRG. */
export async function destroyNetwork(
  topology: Topology,
  clients: ClientFactory,
  options: NetworkOptions & { readonly apply: boolean },
): Promise<Plan> {
  const mode = options.ingressMode ?? 'security-list';
  const all = runs(topology, clients, options.apply, options);
  await forEach(all, options.sequential, async (run) => {
    await discoverVcn(run);
    await removeRoutes(run);
    await removeSecurityListRules(run);
    await removeNsg(run);
  });
  await forEach(all, options.sequential, async (run) => {
    await removePeeringAndDrg(run);
  });
  return collect(topology, all, mode);
}
