import { parseDuration } from '@okemesh/topology';
import type { OracleWriterSpec, WriterEndpointName } from '../spec/writer-schema.js';
import { ConnectionSlot, leastBusy } from './connection-slot.js';
import type { OracleConnectionConfig, OracleConnectionLike, OracleDriver } from './oracle-driver.js';
import { payloadHash } from './postgres-database.js';
import { assertWriterTable, type SeqDatabase } from './seq-database.js';

const SLOTS = 4;
/** ORA-00955: name is already used by an existing object. */
const ALREADY_EXISTS = 955;
/** ORA-00942: table or view does not exist. */
const NO_SUCH_TABLE = 942;
/** ORA-16000: database or pluggable database open for read-only access (a Data Guard standby). */
const READ_ONLY = 16000;

const oraCode = (error: unknown): number | undefined => {
  const errorNum = (error as { errorNum?: unknown } | null)?.errorNum;
  return typeof errorNum === 'number' ? errorNum : undefined;
};

/** The connection settings of one endpoint; exported so tests can check them without an Oracle database. */
export function oracleConnectionConfig(
  spec: OracleWriterSpec,
  endpoint: WriterEndpointName,
  password: string | undefined,
  walletPassword: string | undefined,
): OracleConnectionConfig {
  const timeoutMs = parseDuration(spec.timeout) ?? 1_000;
  return {
    user: spec.user,
    ...(password === undefined ? {} : { password }),
    connectString: spec[endpoint].connectString,
    connectTimeout: Math.max(1, Math.ceil(timeoutMs / 1_000)),
    ...(spec.walletDir ? { configDir: spec.walletDir, walletLocation: spec.walletDir } : {}),
    ...(walletPassword === undefined ? {} : { walletPassword }),
  };
}

/** An Autonomous Database endpoint of the writer through `oracledb` in thin mode (bind variables only). */
export function oracleDatabase(
  driver: OracleDriver,
  config: OracleConnectionConfig,
  endpoint: WriterEndpointName,
  timeoutMs: number,
): SeqDatabase {
  const open = async (): Promise<OracleConnectionLike> => {
    const connection = await driver.getConnection(config);
    connection.callTimeout = Math.max(timeoutMs, 5_000);
    return connection;
  };
  const slots = Array.from({ length: SLOTS }, () => new ConnectionSlot(open, (c) => c.close()));
  const admin = slots[0] ?? new ConnectionSlot(open, (c) => c.close());
  return {
    endpoint,
    async createTable(table) {
      try {
        await admin.run((c) =>
          c.execute(
            `CREATE TABLE ${assertWriterTable(table)} (seq NUMBER(19) PRIMARY KEY, writer_ts NUMBER(19) NOT NULL, payload_hash VARCHAR2(16) NOT NULL)`,
          ),
        );
      } catch (error) {
        if (oraCode(error) !== ALREADY_EXISTS) throw error;
      }
    },
    async insert(table, seq, writerTs, signal) {
      await leastBusy(slots).run(
        (c) =>
          c.execute(
            `INSERT INTO ${assertWriterTable(table)} (seq, writer_ts, payload_hash) VALUES (:seq, :ts, :hash)`,
            { seq, ts: writerTs, hash: payloadHash(seq, writerTs) },
            { autoCommit: true },
          ),
        signal,
      );
    },
    async seqs(table) {
      const { rows = [] } = await admin.run((c) => c.execute(`SELECT seq FROM ${assertWriterTable(table)}`));
      return rows.map((r) => Number(r[0]));
    },
    async dropTable(table) {
      try {
        await admin.run((c) => c.execute(`DROP TABLE ${assertWriterTable(table)} PURGE`));
        return true;
      } catch (error) {
        const code = oraCode(error);
        if (code === NO_SUCH_TABLE) return true;
        if (code === READ_ONLY) return false;
        throw error;
      }
    },
    replicationLagMs: () => Promise.resolve(null),
    async close() {
      await Promise.all(slots.map((s) => s.end()));
    },
  };
}
