import { createHash } from 'node:crypto';
import { parseDuration } from '@okemesh/topology';
import { DrillError } from '../errors.js';
import type { PostgresWriterSpec, WriterEndpointName } from '../spec/writer-schema.js';
import { ConnectionSlot, leastBusy } from './connection-slot.js';
import type { PgClientLike, PgDriver } from './pg-driver.js';
import { assertWriterTable, type SeqDatabase } from './seq-database.js';

/** Connections per endpoint: enough for an open-model writer whose commits briefly stall. */
const SLOTS = 4;

export const payloadHash = (seq: number, writerTs: number): string =>
  createHash('sha256').update(`${seq}:${writerTs}`).digest('hex').slice(0, 16);

/** A PostgreSQL endpoint of the writer, through the `pg` driver (parameterised statements only). */
export function postgresDatabase(
  driver: PgDriver,
  spec: PostgresWriterSpec,
  endpoint: WriterEndpointName,
  password: string | undefined,
): SeqDatabase {
  const target = spec[endpoint];
  const timeoutMs = parseDuration(spec.timeout) ?? 1_000;
  const open = async (): Promise<PgClientLike> => {
    const client = new driver.Client({
      host: target.host,
      port: target.port,
      database: target.database,
      user: spec.user,
      ...(password === undefined ? {} : { password }),
      ...(target.ssl ? { ssl: true } : {}),
      connectionTimeoutMillis: timeoutMs,
      query_timeout: Math.max(timeoutMs, 5_000),
      application_name: 'okemesh-drill-writer',
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  const slots = Array.from({ length: SLOTS }, () => new ConnectionSlot(open, (c) => c.end()));
  const admin = slots[0] ?? new ConnectionSlot(open, (c) => c.end());
  const quoted = (table: string) => `"${assertWriterTable(table)}"`;
  return {
    endpoint,
    async createTable(table) {
      await admin.run((c) =>
        c.query(
          `CREATE TABLE IF NOT EXISTS ${quoted(table)} (seq bigint PRIMARY KEY, writer_ts bigint NOT NULL, payload_hash text NOT NULL)`,
        ),
      );
    },
    async insert(table, seq, writerTs, signal) {
      await leastBusy(slots).run(
        (c) =>
          c.query(`INSERT INTO ${quoted(table)} (seq, writer_ts, payload_hash) VALUES ($1, $2, $3)`, [
            seq,
            writerTs,
            payloadHash(seq, writerTs),
          ]),
        signal,
      );
    },
    async seqs(table) {
      const { rows } = await admin.run((c) => c.query(`SELECT seq FROM ${quoted(table)}`));
      return rows.map((r) => Number(r.seq));
    },
    async dropTable(table) {
      const { rows } = await admin.run((c) => c.query('SELECT pg_is_in_recovery() AS standby'));
      if (rows[0]?.standby === true) return false;
      await admin.run((c) => c.query(`DROP TABLE IF EXISTS ${quoted(table)}`));
      return true;
    },
    async replicationLagMs() {
      const { rows } = await admin.run((c) =>
        c.query(
          'SELECT EXTRACT(EPOCH FROM max(GREATEST(write_lag, flush_lag, replay_lag))) * 1000 AS lag FROM pg_stat_replication',
        ),
      );
      const lag = rows[0]?.lag;
      return lag === null || lag === undefined ? null : Number(lag);
    },
    async promote(waitSeconds) {
      const { rows } = await admin.run((c) =>
        c.query('SELECT pg_promote(true, $1) AS promoted', [waitSeconds]),
      );
      if (rows[0]?.promoted !== true)
        throw new DrillError(
          'DRILL_FAULT_FAILED',
          `${endpoint} ${target.host}:${target.port} not promoted within ${waitSeconds} s`,
        );
    },
    async close() {
      await Promise.all(slots.map((s) => s.end()));
    },
  };
}
