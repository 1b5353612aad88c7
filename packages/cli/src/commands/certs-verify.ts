import type { Finding, MeshReport, PemInfo } from '@okemesh/certs';
import { CA_DEFAULTS } from '@okemesh/certs/defaults';
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandContext } from '../program.js';
import { readTopology } from '../topology-input.js';
import {
  certsAction,
  dirOption,
  loadCerts,
  parseDays,
  passphrase,
  passphraseEnvOption,
  storeDir,
  type StoreOptions,
} from './certs-shared.js';

interface VerifyOptions extends StoreOptions {
  readonly file?: string;
  readonly warnDays: number;
}

function printFindings(io: Io, findings: readonly Finding[], format: (finding: Finding) => string): void {
  for (const f of findings) {
    const [head = '', ...rest] = format(f).split('\n');
    io.stderr(
      `${paint(io, f.severity === 'error' ? 'red' : 'yellow', head)}\n${rest.map((l) => `${paint(io, 'dim', l)}\n`).join('')}`,
    );
  }
}

function printSummary(io: Io, dir: string, report: MeshReport, phase: string): void {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const mark = report.ok ? paint(io, 'green', '✔') : paint(io, 'red', '✖');
  const lines = [
    `${mark} ${paint(io, 'bold', dir)}: ${report.ok ? 'the mesh verifies' : `${errors} error(s)`}`,
  ];
  const width = Math.max(
    ...report.roots.map((r) => r.scope.length),
    ...report.clusters.map((c) => c.cluster.length),
  );
  for (const r of report.roots)
    lines.push(`  ${r.scope.padEnd(width)}  ${r.subject}, until ${r.notAfter}, sha256 ${r.fingerprint}`);
  for (const c of report.clusters) {
    const issuer = report.roots.find((r) => r.fingerprint === c.issuedBy)?.scope ?? 'no mesh root';
    lines.push(
      `  ${c.cluster.padEnd(width)}  intermediate ${c.intermediateFingerprint ?? '(unreadable)'} signed by ${issuer}`,
    );
  }
  if (phase !== 'none') lines.push(`  root rotation in progress (phase ${phase}): okemesh certs rotate root`);
  io.stdout(`${lines.join('\n')}\n`);
}

async function verify(io: Io, dirArg: string | undefined, options: VerifyOptions): Promise<number> {
  const dir = dirArg === undefined ? storeDir(io, options.dir) : resolve(io.cwd, dirArg);
  const expected =
    options.file === undefined
      ? undefined
      : (await readTopology(io, options.file)).topology.spec.clusters.map((c) => c.name);
  const secret = passphrase(io, options.passphraseEnv);
  const [report, rotation] = await certsAction(
    options,
    async (certs) =>
      [
        await certs.verifyStore(dir, {
          now: new Date(),
          warnDays: options.warnDays,
          ...(expected && { expectedClusters: expected }),
          ...(secret !== undefined && { passphrase: secret }),
        }),
        await certs.readRotation(dir),
      ] as const,
  );
  const exit = report.ok ? ExitCode.Ok : ExitCode.Findings;
  if (options.json) {
    printJson(io, { dir, ...report, rotation });
    return exit;
  }
  printFindings(io, report.findings, (await loadCerts()).formatFinding);
  printSummary(io, dir, report, rotation.phase);
  return exit;
}

function describeItem(info: PemInfo): string {
  if (info.kind === 'private-key') {
    return `${info.source}\n  private key ${info.keyType ?? ''}${info.encrypted ? ' (encrypted PKCS#8)' : ' (not encrypted)'}; contents not shown\n`;
  }
  const e = info.extensions;
  const bc = e.basicConstraints;
  const rows = [
    ['subject', info.subject],
    ['issuer', `${info.issuer}${info.selfSigned ? ' (self-signed)' : ''}`],
    ['serial', info.serial],
    [
      'valid',
      `${info.notBefore} → ${info.notAfter} (${info.daysLeft < 0 ? `expired ${-info.daysLeft} days ago` : `${info.daysLeft} days left`})`,
    ],
    ['key', `${info.keyType}, ${info.keyBits} bits; signed with ${info.signatureAlgorithm}`],
    [
      'basic',
      bc
        ? `CA:${bc.ca ? 'TRUE' : 'FALSE'}${bc.pathLength === undefined ? '' : `, pathlen:${bc.pathLength}`}${bc.critical ? ' (critical)' : ''}`
        : '(no basicConstraints)',
    ],
    [
      'usage',
      e.keyUsage
        ? `${e.keyUsage.usages.join(', ')}${e.keyUsage.critical ? ' (critical)' : ''}`
        : '(no keyUsage)',
    ],
    ['SAN', e.dnsNames.length ? e.dnsNames.map((n) => `DNS:${n}`).join(', ') : '(none)'],
    ['SKI', e.subjectKeyId ?? '(none)'],
    ['AKI', e.authorityKeyId ?? '(none)'],
    ['sha256', info.fingerprintSha256],
  ];
  return `${info.source}${info.index > 0 ? ` [#${info.index + 1}]` : ''}\n${rows.map(([k, v]) => `  ${(k ?? '').padEnd(8)}${v}`).join('\n')}\n`;
}

async function inspect(io: Io, path: string, options: { json?: boolean }): Promise<number> {
  const items = await certsAction({}, (certs) => certs.inspectPath(resolve(io.cwd, path), new Date()));
  if (options.json) printJson(io, { path, items });
  else io.stdout(items.map(describeItem).join('\n'));
  return ExitCode.Ok;
}

const warnDaysOption = () =>
  new Option('--warn-days <n>', 'warn when fewer days are left')
    .argParser(parseDays)
    .default(CA_DEFAULTS.warnDays);

/** `certs verify [dir]` and `certs inspect <file|dir>`. */
export function registerCertsVerify(certs: Command, { io, setExitCode }: CommandContext): void {
  certs
    .command('verify [dir]')
    .description(
      'verify a store: same root everywhere, distinct intermediates, validity, CA extensions, keys matching certificates',
    )
    .addOption(fileOption())
    .addOption(warnDaysOption())
    .addOption(dirOption())
    .addOption(passphraseEnvOption())
    .addOption(jsonOption())
    .action(async (dir: string | undefined, options: VerifyOptions) =>
      setExitCode(await verify(io, dir, options)),
    );
  certs
    .command('inspect <path>')
    .description(
      'show subject, issuer, serial, validity, key, extensions and fingerprint of a PEM file or every .pem under a directory',
    )
    .addOption(jsonOption())
    .action(async (path: string, options: { json?: boolean }) =>
      setExitCode(await inspect(io, path, options)),
    );
}
