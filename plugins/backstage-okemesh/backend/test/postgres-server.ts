import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Debian PostgreSQL server binaries (apt-get install postgresql), or undefined. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// PostgreSQL refuses to run as root: run its binaries as the postgres user the Debian package creates.
const asPostgres = (argv: readonly string[]): string[] =>
  process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...argv] : [...argv];

async function sh(argv: readonly string[]): Promise<string> {
  const [file, ...args] = argv;
  return (await run(file ?? 'false', args, { timeout: 60_000 })).stdout;
}

export interface PostgresServer {
  readonly port: number;
  readonly connection: { host: string; port: number; user: string; database: string };
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL server on 127.0.0.1 (trust auth, user postgres) in a temp dir. */
export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'okemesh-backstage-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number((await sh(['id', '-u', 'postgres'])).trim());
    const gid = Number((await sh(['id', '-g', 'postgres'])).trim());
    await chown(dir, uid, gid);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  await sh(asPostgres([join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']));
  await sh(
    asPostgres([
      join(bin, 'pg_ctl'),
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      '-l',
      join(dir, 'server.log'),
      '-w',
      'start',
    ]),
  );
  return {
    port,
    connection: { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' },
    async stop() {
      await sh(asPostgres([join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
