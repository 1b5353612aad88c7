import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import type { PgDriver } from '../src/data/pg-driver.js';
import { LagProxy } from './lag-proxy.js';
import { asPostgres, freePort, PgConnection, sh } from './postgres-testbed.js';

/** `pg`'s Client without its index (which loads pg-pool, broken by the test runner's forced `import` condition). */
export const pgDriver: PgDriver = {
  Client: createRequire(import.meta.url)(
    'pg/lib/client.js',
  ) as typeof Client as unknown as PgDriver['Client'],
};

export const WRITER_ROLE = 'okemesh_writer';

export interface ReplicatedOptions {
  /** synchronous_standby_names = '*' with synchronous_commit = on (commit waits for the standby's flush). */
  readonly synchronous: boolean;
  /** Replication lag injected once the replica is streaming: WAL reaches it this much later. */
  readonly lagMs: number;
  /** Password of the least-privileged writer role (scram-sha-256). */
  readonly writerPassword: string;
}

/**
 * Two PostgreSQL clusters on 127.0.0.1: a primary and a streaming replica whose WAL stream runs through a
 * LagProxy (the replication lag injection), and a second proxy in front of the primary that the writer and
 * the app use (the partition). The writer logs in as a role that may only create tables, promote and read
 * replication stats — not a superuser.
 */
export class ReplicatedPostgres {
  private readonly connections: PgConnection[] = [];

  private constructor(
    readonly bin: string,
    readonly root: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
    readonly replication: LagProxy,
    readonly front: LagProxy,
  ) {}

  static async start(bin: string, options: ReplicatedOptions): Promise<ReplicatedPostgres> {
    const root = await mkdtemp(join(tmpdir(), 'okemesh-pgrepl-'));
    const owner =
      process.getuid?.() === 0
        ? {
            uid: Number((await sh(['id', '-u', 'postgres'])).trim()),
            gid: Number((await sh(['id', '-g', 'postgres'])).trim()),
          }
        : undefined;
    if (owner) await chown(root, owner.uid, owner.gid);
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    const primary = join(root, 'primary');
    const replica = join(root, 'replica');
    await sh(asPostgres([join(bin, 'initdb'), '-D', primary, '-U', 'postgres', '--auth=trust', '-N']));
    const conf = [
      `port = ${primaryPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'fsync = off',
      'wal_sender_timeout = 10s',
      '',
    ];
    const hba = [
      'local all all trust',
      `host all ${WRITER_ROLE} 127.0.0.1/32 scram-sha-256`,
      'host all all 127.0.0.1/32 trust',
      'host replication all 127.0.0.1/32 trust',
      '',
    ];
    await writeFile(join(primary, 'postgresql.auto.conf'), conf.join('\n'));
    await writeFile(join(primary, 'pg_hba.conf'), hba.join('\n'));
    if (owner)
      for (const file of ['postgresql.auto.conf', 'pg_hba.conf'])
        await chown(join(primary, file), owner.uid, owner.gid);
    await sh(ctl(bin, primary, 'start'));
    const replication = await LagProxy.start(primaryPort, 0);
    const front = await LagProxy.start(primaryPort, 0);
    const bed = new ReplicatedPostgres(bin, root, primaryPort, replicaPort, replication, front);
    const admin = bed.connect(primaryPort);
    const password = options.writerPassword.replaceAll("'", "''");
    for (const statement of [
      `CREATE ROLE ${WRITER_ROLE} LOGIN PASSWORD '${password}'`,
      `GRANT CREATE ON SCHEMA public TO ${WRITER_ROLE}`,
      `GRANT EXECUTE ON FUNCTION pg_promote(boolean, integer) TO ${WRITER_ROLE}`,
      `GRANT pg_read_all_stats TO ${WRITER_ROLE}`,
      // A user table the drill must never touch.
      'CREATE TABLE orders (id integer PRIMARY KEY, item text NOT NULL)',
      "INSERT INTO orders VALUES (1, 'tea'), (2, 'coffee'), (3, 'cake')",
    ])
      await admin.query(statement);
    await sh(
      asPostgres([
        join(bin, 'pg_basebackup'),
        ...['-h', '127.0.0.1', '-p', String(replication.port), '-U', 'postgres'],
        ...['-D', replica, '-R', '-X', 'stream'],
      ]),
    );
    await writeFile(
      join(replica, 'postgresql.auto.conf'),
      `${[...conf.filter((l) => !l.startsWith('port')), `port = ${replicaPort}`, 'hot_standby = on', `primary_conninfo = 'host=127.0.0.1 port=${replication.port} user=postgres application_name=replica'`].join('\n')}\n`,
    );
    if (owner) await chown(join(replica, 'postgresql.auto.conf'), owner.uid, owner.gid);
    await sh(ctl(bin, replica, 'start'));
    await bed.streaming(admin, false);
    if (options.synchronous) {
      // Only now: with no standby connected, every commit above would have waited forever.
      await admin.query("ALTER SYSTEM SET synchronous_standby_names = '*'");
      await admin.query('ALTER SYSTEM SET synchronous_commit = on');
      await admin.query('SELECT pg_reload_conf()');
      await bed.streaming(admin, true);
    }
    replication.delayMs = options.lagMs;
    return bed;
  }

  connect(port: number): PgConnection {
    const connection = new PgConnection(port);
    this.connections.push(connection);
    return connection;
  }

  private async streaming(admin: PgConnection, synchronous: boolean): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      const { rows } = await admin.query<{ state: string; sync_state: string }>(
        'SELECT state, sync_state FROM pg_stat_replication',
      );
      const row = rows[0];
      if (row?.state === 'streaming' && (!synchronous || row.sync_state === 'sync')) return;
      await sleep(50);
    }
    throw new Error('replica never reached streaming');
  }

  /** Rows of a table on the replica (the new primary after promotion). */
  async tablesOnReplica(): Promise<string[]> {
    const { rows } = await this.connect(this.replicaPort).query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    return rows.map((r) => r.tablename);
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.end()));
    await this.replication.close();
    await this.front.close();
    for (const dir of ['primary', 'replica'])
      await sh(
        asPostgres([join(this.bin, 'pg_ctl'), '-D', join(this.root, dir), '-m', 'immediate', '-w', 'stop']),
      ).catch(() => undefined);
    await rm(this.root, { recursive: true, force: true });
  }
}

function ctl(bin: string, dir: string, action: 'start'): string[] {
  return asPostgres([join(bin, 'pg_ctl'), '-D', dir, '-w', '-l', join(dir, 'server.log'), action]);
}
