import type { TopologyError } from '@okemesh/topology';
import { Command, CommanderError } from 'commander';
import { commandGroups } from './commands/index.js';
import { ExitCode } from './exit-codes.js';
import { paint, processIo, type Io } from './io.js';

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
      '\nExit codes: 0 ok, 1 findings or validation failed, 2 usage error, 3 drill aborted, 4 internal error.',
    );
  for (const group of commandGroups) group(program, { io, setExitCode });
  for (const command of program.commands) command.exitOverride();
  return program;
}

function isNamed(error: unknown, name: 'TopologyError'): error is TopologyError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
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
      // --help and --version end with exit code 0; everything else commander rejects is usage.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (isNamed(error, 'TopologyError')) {
      const { formatIssue } = await import('@okemesh/topology');
      for (const issue of error.issues) io.stderr(`${formatIssue(issue)}\n`);
      return error.code === 'TOPOLOGY_READ_FAILED' ? ExitCode.Usage : ExitCode.Findings;
    }
    const known = error as { exitCode?: unknown; name?: string; message?: string };
    if (
      typeof known.exitCode === 'number' &&
      (known.name === 'UsageError' || known.name === 'CommandFailed')
    ) {
      io.stderr(`${paint(io, 'red', 'error:')} ${known.message ?? ''}\n`);
      return known.exitCode;
    }
    io.stderr(
      `${paint(io, 'red', 'internal error:')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return ExitCode.Internal;
  }
}
