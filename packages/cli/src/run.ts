import { Command, CommanderError } from 'commander';
import { commandGroups } from './commands/index.js';
import { translateError } from './error-translator.js';
import { ExitCode } from './exit-codes.js';
import { paint, printJson, processIo, type Io } from './io.js';
import { printIssues } from './issue-output.js';

const VERSION = '0.1.0';

export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('okemesh')
    .description('Failover-in-a-box for multi-region OKE + Istio meshes, driven by one mesh.yaml')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(paint(io, 'red', text)),
    })
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 findings or validation failed, 2 usage error or unreadable input, 3 aborted,\n' +
        '4 internal error (a bug: please report it), 5 environment not ready (credentials, kubeconfig, a cloud API).\n' +
        'Errors print one line with the fix and the error code; --debug adds the stack trace.',
    )
    .option('--debug', 'print the stack trace of an error');
  for (const group of commandGroups) group(program, { io, setExitCode });
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** `--json` or `--format json` anywhere on the command line: errors are then a JSON object on stdout. */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some(
    (arg, i) => arg === '--json' || arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'),
  );
}

async function printFailure(io: Io, argv: readonly string[], error: unknown): Promise<number> {
  const failure = translateError(error);
  if (wantsJson(argv)) {
    printJson(io, { error: failure });
  } else {
    if (failure.issues) await printIssues(io, failure.issues);
    const fix = failure.fix ? ` (fix: ${failure.fix})` : '';
    const request = failure.opcRequestId ? ` (opc-request-id ${failure.opcRequestId})` : '';
    io.stderr(
      `${paint(io, 'red', 'error:')} ${failure.message}${request}${paint(io, 'dim', `${fix} [${failure.code}]`)}\n`,
    );
  }
  if (argv.includes('--debug') && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return failure.exit;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the process exit code. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; everything else commander rejects is usage (it has
      // printed the message already; under --json the same message also goes out as a JSON error).
      if (error.exitCode === 0) return ExitCode.Ok;
      if (wantsJson(argv))
        printJson(io, {
          error: { code: 'CLI_USAGE', exit: ExitCode.Usage, message: error.message.replace(/^error: /, '') },
        });
      return ExitCode.Usage;
    }
    return printFailure(io, argv, error);
  }
}
