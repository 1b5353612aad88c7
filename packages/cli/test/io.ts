import type { Io } from '../src/io.js';

export interface BufferIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

/** An Io that records what a command prints. */
export function bufferIo(cwd: string = process.cwd(), color = false): BufferIo {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    color,
    cwd,
    env: {},
    out: () => out,
    err: () => err,
  };
}
