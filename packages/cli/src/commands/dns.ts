import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../errors.js';
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

interface DnsFlags extends OciFlags {
  readonly address?: string[];
}

function parseAddresses(values: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const match = /^([a-z0-9-]+)=(\S+)$/.exec(value);
    if (!match?.[1] || !match[2])
      throw new UsageError(
        `--address "${value}" must look like <region>=<ip-or-hostname>, e.g. us-sanjose-1=203.0.113.10`,
      );
    out[match[1]] = match[2];
  }
  return out;
}

async function dnsRun(io: Io, flags: DnsFlags, apply: boolean): Promise<number> {
  const { topology } = await readTopology(io, flags.file);
  const ingressAddresses = parseAddresses(flags.address);
  const { clients } = await connect(io, flags);
  const oci = await import('@okemesh/oci-network');
  const options = { ingressAddresses, onProgress: progressPrinter(io) };
  const result = await runOci(async (signal) => {
    const plan = await oci.convergeDns(topology, clients, false, options);
    if (!apply || !oci.hasChanges(plan)) return { plan, applied: false };
    if (!flags.json) await printPlan(io, flags, plan);
    await confirm(flags, 'Apply this DNS failover plan');
    return { plan: await oci.convergeDns(topology, clients, true, { ...options, signal }), applied: true };
  }, clients);
  if (flags.json || !apply)
    await printPlan(io, flags, result.plan, flags.json ? { applied: result.applied } : {});
  else
    io.stdout(
      result.applied
        ? `${paint(io, 'green', '✔')} DNS failover converged\n`
        : 'Nothing to do: DNS failover matches the topology.\n',
    );
  return ExitCode.Ok;
}

const addressOption = () =>
  new Option(
    '--address <region=ip>',
    'public ingress address of a region (repeatable); default <region>.<dns.domain> as a CNAME',
  ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);

const withOci = (command: Command): Command => withOciOptions(command, addressOption());

export const registerDns: CommandGroup = (program, { io, setExitCode }) => {
  const dns = program
    .command('dns')
    .description('DNS failover: Health Checks monitor, FAILOVER steering policy, zone attachment');
  withOci(
    dns.command('plan').description('show the monitor, steering policy and attachment changes (read-only)'),
  ).action(async (flags: DnsFlags) => {
    setExitCode(await dnsRun(io, flags, false));
  });
  withOci(dns.command('apply').description('converge DNS failover (asks first)'))
    .addOption(yesOption())
    .action(async (flags: DnsFlags) => {
      setExitCode(await dnsRun(io, flags, true));
    });
};
