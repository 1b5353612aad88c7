import type { KeyType, RotationStep } from '@okemesh/certs';
import { CA_DEFAULTS, KEY_TYPES } from '@okemesh/certs/defaults';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandContext } from '../program.js';
import { readTopology } from '../topology-input.js';
import { addIssueOptions, issue, printIssued, type IssueOptions } from './certs-issue.js';
import {
  certsAction,
  dirOption,
  keyTypeOption,
  parseDays,
  passphrase,
  passphraseEnvOption,
  storeDir,
  loadCerts,
  type StoreOptions,
} from './certs-shared.js';

interface RootRotateOptions extends StoreOptions {
  readonly file?: string;
  readonly start?: boolean;
  readonly continue?: boolean;
  readonly finish?: boolean;
  readonly rootKeyType: KeyType;
  readonly rootDays: number;
  readonly keyType: KeyType;
  readonly days: number;
}

function printPlan(io: Io, plan: readonly RotationStep[]): void {
  const mark = { done: paint(io, 'green', '✔'), next: paint(io, 'yellow', '→'), pending: ' ' };
  const lines = ['root rotation plan (root-cert.pem trusts old + new roots from step 1 to step 5):'];
  for (const s of plan) {
    lines.push(`${mark[s.status]} ${s.step}. [${s.where}] ${s.title}`);
    for (const c of s.commands) lines.push(paint(io, 'dim', `      ${c}`));
  }
  io.stdout(`${lines.join('\n')}\n`);
}

async function rotateRoot(io: Io, options: RootRotateOptions): Promise<number> {
  const phases = [options.start, options.continue, options.finish].filter(Boolean).length;
  if (phases > 1) throw new UsageError('use one of --start, --continue, --finish');
  const topology = await readTopology(io, options.file);
  const dir = storeDir(io, options.dir);
  const secret = passphrase(io, options.passphraseEnv);
  const common = { now: new Date(), ...(secret !== undefined && { passphrase: secret }) };
  const done = await certsAction(options, async (certs) => {
    if (options.start)
      return [
        await certs.startRootRotation(dir, {
          ...common,
          keyType: options.rootKeyType,
          validityDays: options.rootDays,
        }),
      ];
    if (options.continue)
      return certs.continueRootRotation(dir, {
        ...common,
        keyType: options.keyType,
        validityDays: options.days,
      });
    if (options.finish) {
      const { retired } = await certs.finishRootRotation(dir, common.now);
      io.stderr(
        `old root moved to ${retired}: destroy its key offline once every cluster runs on the new root\n`,
      );
    }
    return [];
  });
  const { phase } = await certsAction(options, (certs) => certs.readRotation(dir));
  const clusters = topology.topology.spec.clusters.map((c) => ({ name: c.name, context: c.kubeContext }));
  const plan = (await loadCerts()).rootRotationPlan(phase, clusters, options.dir);
  if (options.json) {
    printJson(io, { phase, issued: done, plan });
    return ExitCode.Ok;
  }
  if (done.length) printIssued(io, options.start ? 'created incoming root' : 'issued intermediate for', done);
  printPlan(io, plan);
  return ExitCode.Ok;
}

/** `certs rotate intermediate` (renew under the same root) and `certs rotate root` (staged). */
export function registerCertsRotate(certs: Command, { io, setExitCode }: CommandContext): void {
  const rotate = certs.command('rotate').description('renew intermediates, or rotate the root in stages');
  addIssueOptions(
    rotate.command('intermediate').description("renew clusters' intermediates under the same root"),
  ).action(async (options: IssueOptions) => setExitCode(await issue(io, options)));
  rotate
    .command('root')
    .description('staged root rotation; without a step flag, prints the plan and where the store stands')
    .option('--start', 'step 1: create the incoming root; bundles trust old + new')
    .option('--continue', 'step 3: issue every intermediate from the incoming root')
    .option('--finish', 'step 5: retire the old root; bundles trust the new root alone')
    .addOption(fileOption())
    .addOption(
      new Option('--root-key-type <type>', 'incoming root key type')
        .choices(KEY_TYPES)
        .default(CA_DEFAULTS.rootKeyType),
    )
    .addOption(
      new Option('--root-days <n>', 'incoming root validity in days')
        .argParser(parseDays)
        .default(CA_DEFAULTS.rootValidityDays),
    )
    .addOption(keyTypeOption('intermediate', CA_DEFAULTS.intermediateKeyType))
    .addOption(
      new Option('--days <n>', 'intermediate validity in days')
        .argParser(parseDays)
        .default(CA_DEFAULTS.intermediateValidityDays),
    )
    .addOption(dirOption())
    .addOption(passphraseEnvOption())
    .addOption(jsonOption())
    .action(async (options: RootRotateOptions) => setExitCode(await rotateRoot(io, options)));
}
