import { styleText } from 'node:util';

/** Where a command writes. Tests pass buffers; the binary passes the process streams. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colours only on a TTY and when NO_COLOR is unset. */
  readonly color: boolean;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  const env = process.env;
  const color = Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color,
    cwd: process.cwd(),
    env,
  };
}

type Style = 'red' | 'green' | 'yellow' | 'bold' | 'dim' | 'cyan';

/** Styles text when colours are on; plain text otherwise. */
export function paint(io: Io, style: Style, text: string): string {
  return io.color ? styleText(style, text, { validateStream: false }) : text;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
