import type { AuthMethod, ClientFactory, Plan, ProgressEvent } from '@okemesh/oci-network';
import { Option, type Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { CommandFailed, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption } from '../program.js';

/** Flags every OCI-touching command takes. */
export interface OciFlags {
  readonly file?: string;
  readonly json?: boolean;
  readonly yes?: boolean;
  readonly profile?: string;
  readonly configFile?: string;
  readonly auth?: AuthMethod;
  readonly endpoint?: string;
}

export const ociOptions = (): Option[] => [
  new Option('--profile <name>', 'profile in the OCI config file').default('DEFAULT'),
  new Option('--config-file <path>', 'OCI config file (default: $OCI_CONFIG_FILE or ~/.oci/config)'),
  new Option('--auth <method>', 'how to authenticate')
    .choices([
      'config',
      'security_token',
      'instance_principal',
      'resource_principal',
      'oke_workload_identity',
    ])
    .default('config'),
  new Option(
    '--endpoint <url>',
    'override every OCI endpoint, e.g. http://127.0.0.1:8080/{region} (env OKEMESH_OCI_ENDPOINT)',
  ),
];

/**
 * The OCI provider for commands that take `--oci-profile` (doctor, drill): the same `--auth`, config file
 * and session-token handling as the network commands (resolveIdentity).
 */
export async function ociProvider(
  io: Io,
  flags: { readonly auth?: AuthMethod; readonly ociProfile?: string; readonly configFile?: string },
) {
  const { clients } = await connect(io, {
    ...(flags.auth ? { auth: flags.auth } : {}),
    ...(flags.ociProfile ? { profile: flags.ociProfile } : {}),
    ...(flags.configFile ? { configFile: flags.configFile } : {}),
  });
  return clients.provider;
}

/** `--auth` for the commands whose profile flag is `--oci-profile`. */
export const ociAuthOption = (): Option =>
  new Option('--auth <method>', 'how to authenticate to OCI (as the network commands)').choices([
    'config',
    'security_token',
    'instance_principal',
    'resource_principal',
    'oke_workload_identity',
  ]);

export const ociConfigFileOption = (): Option =>
  new Option('--config-file <path>', 'OCI config file (default: $OCI_CONFIG_FILE or ~/.oci/config)');

/** `--auth` and `--config-file` for the commands whose profile flag is `--oci-profile`. */
export const ociAuthOptions = (): Option[] => [ociAuthOption(), ociConfigFileOption()];

/** Adds `-f`, `--json`, the OCI connection flags and a command's own `extra` options. */
export function withOciOptions(command: Command, ...extra: Option[]): Command {
  command.addOption(fileOption()).addOption(jsonOption());
  for (const option of [...extra, ...ociOptions()]) command.addOption(option);
  return command;
}

export const yesOption = () =>
  new Option('-y, --yes', 'apply without the confirmation prompt (required without a TTY)');

/** Builds SDK clients (imported lazily: the OCI SDK costs start-up time only for commands that call OCI). */
export async function connect(
  io: Io,
  flags: OciFlags,
): Promise<{ clients: ClientFactory; tenancyId: string | undefined }> {
  const oci = await import('@okemesh/oci-network');
  const configFile = flags.configFile ?? io.env.OCI_CONFIG_FILE;
  const identity = await oci.resolveIdentity({
    method: flags.auth ?? 'config',
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(configFile ? { configFile } : {}),
  });
  const endpoint = flags.endpoint ?? io.env.OKEMESH_OCI_ENDPOINT;
  return {
    clients: new oci.ClientFactory(identity.provider, endpoint ? { endpoint } : {}),
    tenancyId: identity.tenancyId,
  };
}

export function progressPrinter(io: Io): (event: ProgressEvent) => void {
  return (event) => io.stderr(`${paint(io, 'dim', `[${event.region}]`)} ${event.message}\n`);
}

/**
 * Asks before changing OCI. `--yes` skips the question; without a TTY and without `--yes` the command refuses,
 * so a pipeline never applies by accident.
 */
export async function confirm(flags: OciFlags, question: string): Promise<void> {
  if (flags.yes) return;
  if (!process.stdin.isTTY)
    throw new UsageError(`${question}: refusing without a TTY; pass --yes to apply non-interactively`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question}? Only "yes" is accepted: `);
    if (answer.trim() !== 'yes') throw new CommandFailed('cancelled; nothing was changed', ExitCode.Aborted);
  } finally {
    rl.close();
  }
}

export async function printPlan(
  io: Io,
  flags: OciFlags,
  plan: Plan,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const { formatPlan, summarizePlan } = await import('@okemesh/oci-network/plan');
  if (flags.json) printJson(io, { ...plan, summary: summarizePlan(plan), ...extra });
  else io.stdout(formatPlan(plan));
}

/** Runs an OCI action: Ctrl-C stops between steps (exit 3); errors reach the CLI's one error translator. */
export async function runOci<T>(
  task: (signal: AbortSignal) => Promise<T>,
  clients?: ClientFactory,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  // The OCI SDK warns on every failed call it does not retry, including the 404s okemesh expects while
  // waiting for deletions; okemesh reports real failures itself, so that noise is dropped here, at the edge.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Request cannot be retried')) return;
    warn(...args);
  };
  try {
    return await task(controller.signal);
  } finally {
    console.warn = warn;
    process.removeListener('SIGINT', onSignal);
    clients?.close();
  }
}
