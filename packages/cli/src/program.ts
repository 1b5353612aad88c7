import type { Command } from 'commander';
import { Option } from 'commander';
import type { Io } from './io.js';

export interface CommandContext {
  readonly io: Io;
  /** Records the exit code of the command that ran (the last call wins). */
  readonly setExitCode: (code: number) => void;
}

/** One module per command group registers its commands on the root program. */
export type CommandGroup = (program: Command, ctx: CommandContext) => void;

export const fileOption = () =>
  new Option(
    '-f, --file <mesh.yaml>',
    'topology file (default: ./mesh.yaml when present, else the built-in example)',
  );

export const jsonOption = () => new Option('--json', 'print machine-readable JSON on stdout');
