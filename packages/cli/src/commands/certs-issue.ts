import type { IssuedSummary, KeyType } from '@okemesh/certs';
import { CA_DEFAULTS } from '@okemesh/certs/defaults';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandContext } from '../program.js';
import { readTopology } from '../topology-input.js';
import {
  certsAction,
  collect,
  daysOption,
  dirOption,
  keyTypeOption,
  passphrase,
  passphraseEnvOption,
  selectClusters,
  storeDir,
  type StoreOptions,
} from './certs-shared.js';

interface InitOptions extends StoreOptions {
  readonly keyType: KeyType;
  readonly days: number;
  readonly org: string;
  readonly encrypt?: boolean;
  readonly force?: boolean;
}

interface IssueOptions extends StoreOptions {
  readonly file?: string;
  readonly cluster?: string[];
  readonly all?: boolean;
  readonly keyType: KeyType;
  readonly days: number;
  readonly org: string;
}

export function printIssued(io: Io, verb: string, issued: readonly IssuedSummary[]): void {
  for (const s of issued) {
    io.stdout(
      `${paint(io, 'green', '✔')} ${verb} ${paint(io, 'bold', s.scope)}: ${s.subject}\n    until ${s.notAfter}  sha256 ${s.fingerprint}\n    ${s.path}\n`,
    );
  }
}

async function init(io: Io, options: InitOptions): Promise<number> {
  const dir = storeDir(io, options.dir);
  const secret = passphrase(io, options.passphraseEnv);
  if (options.encrypt && secret === undefined) {
    throw new UsageError(`--encrypt needs the passphrase in $${options.passphraseEnv}`);
  }
  const root = await certsAction(options, (certs) =>
    certs.initRoot(dir, {
      now: new Date(),
      keyType: options.keyType,
      validityDays: options.days,
      organization: options.org,
      ...(options.force !== undefined && { force: options.force }),
      ...(options.encrypt && secret !== undefined && { passphrase: secret }),
    }),
  );
  if (options.json) {
    printJson(io, { root, encrypted: Boolean(options.encrypt) });
    return ExitCode.Ok;
  }
  printIssued(io, 'created root CA', [root]);
  io.stdout(
    `  root key ${options.encrypt ? `encrypted with $${options.passphraseEnv}` : 'NOT encrypted (use --encrypt)'}; keep ${dir}/root offline\n`,
  );
  return ExitCode.Ok;
}

export async function issue(io: Io, options: IssueOptions): Promise<number> {
  const topology = await readTopology(io, options.file);
  const clusters = selectClusters(topology, options.cluster, options.all);
  const dir = storeDir(io, options.dir);
  const secret = passphrase(io, options.passphraseEnv);
  const issued = await certsAction(options, (certs) =>
    certs.issueIntermediates(dir, clusters, {
      now: new Date(),
      keyType: options.keyType,
      validityDays: options.days,
      organization: options.org,
      ...(secret !== undefined && { passphrase: secret }),
    }),
  );
  if (options.json) printJson(io, { issued });
  else printIssued(io, 'issued intermediate for', issued);
  return ExitCode.Ok;
}

export function addIssueOptions(command: Command): Command {
  return command
    .addOption(fileOption())
    .option('--cluster <name>', 'a cluster of the topology (repeatable)', collect)
    .option('--all', 'every cluster of the topology')
    .addOption(keyTypeOption('intermediate', CA_DEFAULTS.intermediateKeyType))
    .addOption(daysOption(CA_DEFAULTS.intermediateValidityDays))
    .option('--org <name>', 'subject organization (O=)', CA_DEFAULTS.organization)
    .addOption(dirOption())
    .addOption(passphraseEnvOption())
    .addOption(jsonOption());
}

/** `certs init` and `certs issue`. */
export function registerCertsIssue(certs: Command, { io, setExitCode }: CommandContext): void {
  certs
    .command('init')
    .description('create the mesh root CA in <dir>/root (refuses to replace one without --force)')
    .addOption(keyTypeOption('root', CA_DEFAULTS.rootKeyType))
    .addOption(daysOption(CA_DEFAULTS.rootValidityDays))
    .option('--org <name>', 'subject organization (O=)', CA_DEFAULTS.organization)
    .option('--encrypt', 'encrypt the root key (PKCS#8) with the passphrase from --passphrase-env')
    .option('--force', 'replace an existing root (every intermediate must then be reissued)')
    .addOption(dirOption())
    .addOption(passphraseEnvOption())
    .addOption(jsonOption())
    .action(async (options: InitOptions) => setExitCode(await init(io, options)));
  addIssueOptions(
    certs.command('issue').description('issue or renew cluster intermediates under the mesh root'),
  ).action(async (options: IssueOptions) => setExitCode(await issue(io, options)));
}

export type { IssueOptions };
