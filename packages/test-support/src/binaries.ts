import { spawnSync } from 'node:child_process';

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Merged over process.env. */
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string | Buffer;
}

/** The Debian package that ships each binary the tests run (see .ci/apt-packages.txt). */
const DEBIAN_PACKAGE = { openssl: 'openssl', promtool: 'prometheus' } as const;
export type TestBinary = keyof typeof DEBIAN_PACKAGE;

/** Runs a real binary; a missing one throws with the package to install, the spawn error as `cause`. */
export function runBinary(binary: TestBinary, args: readonly string[], options: RunOptions = {}): RunResult {
  const r = spawnSync(binary, [...args], {
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') {
      const pkg = DEBIAN_PACKAGE[binary];
      throw new Error(`${binary} not found: install the Debian package ${pkg} (apt-get install ${pkg})`, {
        cause: r.error,
      });
    }
    throw r.error;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a binary and returns its stdout; a non-zero exit throws with its stderr. */
export function runBinaryOk(binary: TestBinary, args: readonly string[], options: RunOptions = {}): string {
  const r = runBinary(binary, args, options);
  if (r.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export const openssl = (args: readonly string[], options: RunOptions = {}): RunResult =>
  runBinary('openssl', args, options);
export const opensslOk = (args: readonly string[], options: RunOptions = {}): string =>
  runBinaryOk('openssl', args, options);
export const promtool = (args: readonly string[], options: RunOptions = {}): RunResult =>
  runBinary('promtool', args, options);
