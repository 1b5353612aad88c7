import { parseDuration } from '@okemesh/topology';
import { DrillError } from '../errors.js';
import { startSequenceWriter } from '../probe/sequence-writer.js';
import type { RunningProbe } from '../probe/sample.js';
import type { Journal } from '../runner/journal.js';
import type { WriterEndpointName, WriterSpec } from '../spec/writer-schema.js';
import { writerTable, type SeqDatabase, type SqlConnector } from './seq-database.js';

/** The RPO writer of a drill: started with the probes, and asked afterwards which seqs survived. */
export interface DrillWriter {
  /** Creates what the writer needs, journaled first so `drill recover` can undo it. */
  prepare?(journal: Journal): Promise<void>;
  start(): RunningProbe;
  /** Replication lag the primary reports just before the fault: the RPO to expect. */
  expectedLagMs?(): Promise<number | null>;
  /** Seqs the (new) primary holds after the drill. */
  present(): Promise<Iterable<number>>;
  /** Extra clock error of the writer's timestamps (ms); the measured commit latency is added to it. */
  readonly clockErrorMs?: number;
  /** Closes connections (the table itself is dropped by reverting its journaled mutation). */
  close?(): Promise<void>;
}

const other = (endpoint: WriterEndpointName): WriterEndpointName =>
  endpoint === 'primary' ? 'standby' : 'primary';

/**
 * A sequence writer on a primary/standby pair: it commits to the endpoint that last accepted a write and, when
 * a write fails (dead primary, read-only standby), tries the other endpoint next, so it follows a failover the
 * way a client with a two-host connection string would. Its table is its own, named after the drill id.
 */
export function databaseWriter(spec: WriterSpec, connector: SqlConnector, drillId: string): DrillWriter {
  const table = writerTable(drillId);
  let databases: Readonly<Record<WriterEndpointName, SeqDatabase>> | undefined;
  let current: WriterEndpointName = 'primary';
  let lastOk: WriterEndpointName | undefined;
  const open = async () => (databases ??= await connector(spec));
  return {
    clockErrorMs: parseDuration(spec.clockError) ?? 1,
    async prepare(journal) {
      const dbs = await open();
      const mutation = await journal.begin(-1, `create RPO writer table ${table} on the primary`, null, {
        type: 'drop-writer-table',
        writer: spec,
        table,
      });
      await dbs.primary.createTable(table);
      await journal.mark(mutation, 'applied');
    },
    start() {
      const dbs = databases;
      if (!dbs)
        throw new DrillError('DRILL_WRITER_FAILED', 'the writer was started before its table was prepared');
      return startSequenceWriter({
        target: `${spec.driver} ${table}`,
        rate: spec.rate,
        timeoutMs: parseDuration(spec.timeout) ?? 1_000,
        write: async (seq, writerTs, signal) => {
          const endpoint = current;
          try {
            await dbs[endpoint].insert(table, seq, writerTs, signal);
            lastOk = endpoint;
          } catch (error) {
            if (current === endpoint) current = other(endpoint);
            throw error;
          }
        },
      });
    },
    async expectedLagMs() {
      return (await open()).primary.replicationLagMs().catch(() => null);
    },
    async present() {
      const dbs = await open();
      const first = lastOk ?? current;
      try {
        return await dbs[first].seqs(table);
      } catch {
        return dbs[other(first)].seqs(table);
      }
    },
    async close() {
      const dbs = databases;
      databases = undefined;
      if (dbs) await Promise.all([dbs.primary.close(), dbs.standby.close()]);
    },
  };
}
