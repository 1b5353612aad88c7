import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import type { Client, QueryResult, QueryResultRow } from 'pg';

// pg's index loads pg-pool, which the test runner's forced `import` condition breaks; the Client alone is enough.
const ClientCtor = createRequire(import.meta.url)('pg/lib/client.js') as typeof Client;

/** One lazily (re)connected client: a query on a dead server fails fast and the next one reconnects. */
export class PgConnection {
  private client: Promise<Client> | undefined;

  constructor(private readonly port: number) {}

  private queue: Promise<unknown> = Promise.resolve();

  /** Queries run one after another on the connection (pg deprecates overlapping client.query calls). */
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
    const run = this.queue.then(async () => {
      this.client ??= this.connect();
      const client = await this.client;
      try {
        return await client.query<R>(text, values);
      } catch (error) {
        this.reset();
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async connect(): Promise<Client> {
    const client = new ClientCtor({
      host: '127.0.0.1',
      port: this.port,
      user: 'postgres',
      database: 'postgres',
      connectionTimeoutMillis: 300,
    });
    client.on('error', () => this.reset());
    try {
      await client.connect();
      return client;
    } catch (error) {
      this.client = undefined;
      throw error;
    }
  }

  private reset(): void {
    const old = this.client;
    this.client = undefined;
    old?.then(
      (c) => c.end().catch(() => undefined),
      () => undefined,
    );
  }

  async end(): Promise<void> {
    this.reset();
  }
}

const run = promisify(execFile);

/** The Debian PostgreSQL server binaries, or undefined when none is installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** argv that runs a server binary as the postgres user when we are root (PostgreSQL refuses to run as root). */
export function asPostgres(argv: readonly string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...argv] : [...argv];
}

export async function sh(argv: readonly string[]): Promise<string> {
  const [file, ...args] = argv;
  const { stdout } = await run(file ?? 'false', args, { timeout: 60_000 });
  return stdout;
}

export interface PgNode {
  readonly dir: string;
  readonly port: number;
}

/** A PostgreSQL primary and an asynchronous streaming replica on 127.0.0.1, in a temp dir. */
export class PostgresPair {
  readonly pools: PgConnection[] = [];
  private constructor(
    readonly bin: string,
    readonly root: string,
    readonly primary: PgNode,
    readonly replica: PgNode,
  ) {}

  static async start(bin: string): Promise<PostgresPair> {
    const root = await mkdtemp(join(tmpdir(), 'okemesh-pg-'));
    if (process.getuid?.() === 0) {
      const uid = Number((await sh(['id', '-u', 'postgres'])).trim());
      const gid = Number((await sh(['id', '-g', 'postgres'])).trim());
      await chown(root, uid, gid);
    }
    const [p1, p2] = [await freePort(), await freePort()];
    const pair = new PostgresPair(
      bin,
      root,
      node(join(root, 'primary'), p1),
      node(join(root, 'replica'), p2),
    );
    await sh(
      asPostgres([join(bin, 'initdb'), '-D', pair.primary.dir, '-U', 'postgres', '--auth=trust', '-N']),
    );
    await appendFile(
      join(pair.primary.dir, 'postgresql.conf'),
      [
        `port = ${p1}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${root}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'fsync = off',
        'wal_sender_timeout = 5s',
        '',
      ].join('\n'),
    );
    await appendFile(join(pair.primary.dir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
    await pair.ctl(pair.primary, 'start');
    await sh(
      asPostgres([
        join(bin, 'pg_basebackup'),
        '-h',
        '127.0.0.1',
        '-p',
        String(p1),
        '-U',
        'postgres',
        '-D',
        pair.replica.dir,
        '-R',
        '-X',
        'stream',
      ]),
    );
    await appendFile(join(pair.replica.dir, 'postgresql.conf'), `port = ${p2}\nhot_standby = on\n`);
    await pair.ctl(pair.replica, 'start');
    const pool = pair.pool(pair.primary);
    await pool.query('CREATE TABLE seqs (seq integer PRIMARY KEY, writer_ts bigint NOT NULL)');
    return pair;
  }

  ctlArgv(node: PgNode, action: 'start' | 'promote' | 'stop-immediate' | 'stop-immediate-nowait'): string[] {
    const ctl = join(this.bin, 'pg_ctl');
    if (action === 'stop-immediate')
      return asPostgres([ctl, '-D', node.dir, '-m', 'immediate', '-w', 'stop']);
    if (action === 'stop-immediate-nowait')
      return asPostgres([ctl, '-D', node.dir, '-m', 'immediate', '-W', 'stop']);
    return asPostgres([ctl, '-D', node.dir, '-w', '-l', join(node.dir, 'server.log'), action]);
  }

  async ctl(node: PgNode, action: 'start' | 'promote' | 'stop-immediate'): Promise<void> {
    await sh(this.ctlArgv(node, action));
  }

  pool(node: PgNode): PgConnection {
    const connection = new PgConnection(node.port);
    this.pools.push(connection);
    return connection;
  }

  /** PID of the primary's WAL sender (SIGSTOP freezes replication: acknowledged commits stop reaching the replica). */
  async walSenderPid(): Promise<number> {
    const { rows } = await this.pool(this.primary).query<{ pid: number }>(
      'SELECT pid FROM pg_stat_replication',
    );
    const pid = rows[0]?.pid;
    if (!pid) throw new Error('primary has no WAL sender');
    return pid;
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((p) => p.end()));
    for (const node of [this.primary, this.replica])
      await sh(this.ctlArgv(node, 'stop-immediate')).catch(() => undefined);
    await rm(this.root, { recursive: true, force: true });
  }
}

function node(dir: string, port: number): PgNode {
  return { dir, port };
}
