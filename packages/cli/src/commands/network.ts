import type { IngressMode, Plan } from '@okemesh/oci-network';
import type { Command } from 'commander';
import { Option } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { paint, type Io } from '../io.js';
import type { CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';
import {
  confirm,
  connect,
  withOciOptions,
  printPlan,
  progressPrinter,
  runOci,
  yesOption,
  type OciFlags,
} from './network-oci.js';

interface NetworkFlags extends OciFlags {
  readonly ingress?: IngressMode;
  readonly keepDns?: boolean;
}

const ingressOption = () =>
  new Option('--ingress <mode>', 'open the Istio ports with security-list rules or an okemesh NSG')
    .choices(['security-list', 'nsg'])
    .default('security-list');

/** Reads the actual state and diffs it against the topology (read-only). */
async function readPlan(io: Io, flags: NetworkFlags) {
  const { topology } = await readTopology(io, flags.file);
  const { clients } = await connect(io, flags);
  const oci = await import('@okemesh/oci-network');
  const plan = await runOci(
    () => oci.planNetwork(topology, clients, { ingressMode: flags.ingress ?? 'security-list' }),
    clients,
  );
  return { oci, plan };
}

async function networkPlan(io: Io, flags: NetworkFlags): Promise<number> {
  const { plan } = await readPlan(io, flags);
  await printPlan(io, flags, plan);
  return ExitCode.Ok;
}

async function networkApply(io: Io, flags: NetworkFlags): Promise<number> {
  const { topology } = await readTopology(io, flags.file);
  const { clients } = await connect(io, flags);
  const oci = await import('@okemesh/oci-network');
  const options = { ingressMode: flags.ingress ?? 'security-list', onProgress: progressPrinter(io) } as const;
  const result = await runOci(async (signal) => {
    const plan = await oci.planNetwork(topology, clients, options);
    if (!oci.hasChanges(plan)) return { plan, applied: false };
    if (!flags.json) await printPlan(io, flags, plan);
    await confirm(flags, 'Apply this network plan');
    return { plan: await oci.applyNetwork(topology, clients, { ...options, signal }), applied: true };
  }, clients);
  if (flags.json) await printPlan(io, flags, result.plan, { applied: result.applied });
  else
    io.stdout(
      result.applied
        ? `${paint(io, 'green', '✔')} network converged\n`
        : 'Nothing to do: the network matches the topology.\n',
    );
  return ExitCode.Ok;
}

async function networkStatus(io: Io, flags: NetworkFlags): Promise<number> {
  const { oci, plan } = await readPlan(io, flags);
  const converged = !oci.hasChanges(plan);
  if (flags.json) {
    await printPlan(io, flags, plan, { converged });
  } else {
    for (const c of plan.changes) {
      const state =
        c.action === 'unchanged' || c.action === 'adopt'
          ? paint(io, 'green', 'ok')
          : paint(io, 'yellow', c.action);
      io.stdout(
        `${c.region.padEnd(16)} ${c.resource.padEnd(26)} ${state.padEnd(10)} ${c.id ?? c.name}  ${paint(io, 'dim', c.reason)}\n`,
      );
    }
    io.stdout(converged ? 'converged\n' : 'not converged: run okemesh network apply\n');
  }
  return converged ? ExitCode.Ok : ExitCode.Findings;
}

async function networkDestroy(io: Io, flags: NetworkFlags): Promise<number> {
  const { topology } = await readTopology(io, flags.file);
  const { clients } = await connect(io, flags);
  const oci = await import('@okemesh/oci-network');
  const base = { ingressMode: flags.ingress ?? 'security-list', onProgress: progressPrinter(io) } as const;
  const withDns = topology.spec.dns !== undefined && !flags.keepDns;
  const run = async (apply: boolean, signal?: AbortSignal): Promise<Plan> => {
    const options = { ...base, ...(signal ? { signal } : {}) };
    const dns = withDns ? await oci.destroyDns(topology, clients, apply, options) : undefined;
    const network = await oci.destroyNetwork(topology, clients, { ...options, apply });
    return { ...network, changes: [...(dns?.changes ?? []), ...network.changes] };
  };
  const result = await runOci(async (signal) => {
    const plan = await run(false);
    if (!oci.hasChanges(plan)) return { plan, applied: false };
    if (!flags.json) await printPlan(io, flags, plan);
    await confirm(flags, 'Delete these okemesh-owned resources');
    return { plan: await run(true, signal), applied: true };
  }, clients);
  if (flags.json) await printPlan(io, flags, result.plan, { applied: result.applied });
  else
    io.stdout(
      result.applied
        ? `${paint(io, 'green', '✔')} okemesh resources removed\n`
        : 'Nothing to do: okemesh owns nothing here.\n',
    );
  return ExitCode.Ok;
}

const withOci = (command: Command): Command => withOciOptions(command, ingressOption());

export const registerNetwork: CommandGroup = (program, { io, setExitCode }) => {
  const network = program
    .command('network')
    .description('cross-region OCI networking: DRGs, remote peering, routes, Istio ingress rules');
  withOci(
    network.command('plan').description('show what apply would create, update or leave alone (read-only)'),
  ).action(async (flags: NetworkFlags) => {
    setExitCode(await networkPlan(io, flags));
  });
  withOci(network.command('apply').description('converge the network to the topology (asks first)'))
    .addOption(yesOption())
    .action(async (flags: NetworkFlags) => {
      setExitCode(await networkApply(io, flags));
    });
  withOci(
    network.command('status').description('report each managed resource; exit 1 when not converged'),
  ).action(async (flags: NetworkFlags) => {
    setExitCode(await networkStatus(io, flags));
  });
  withOci(
    network
      .command('destroy')
      .description('remove what okemesh owns (DNS first, then rules, RPCs, attachments, DRGs)'),
  )
    .addOption(yesOption())
    .addOption(new Option('--keep-dns', 'leave the DNS steering policy, attachment and monitor in place'))
    .action(async (flags: NetworkFlags) => {
      setExitCode(await networkDestroy(io, flags));
    });
};
