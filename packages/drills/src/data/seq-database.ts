import { DrillError } from '../errors.js';
import type { WriterEndpointName, WriterSpec } from '../spec/writer-schema.js';

/**
 * One database endpoint (the primary or the standby of a pair) as the RPO writer sees it. Every method speaks
 * SQL through a maintained driver; none shells out. Methods only touch the writer's own `table`.
 */
export interface SeqDatabase {
  readonly endpoint: WriterEndpointName;
  /** Creates the writer table (idempotent). */
  createTable(table: string): Promise<void>;
  /** Commits row `seq`; resolves once the commit is acknowledged. Rejects on a read-only (standby) endpoint. */
  insert(table: string, seq: number, writerTs: number, signal: AbortSignal): Promise<void>;
  /** Every seq the table holds. */
  seqs(table: string): Promise<number[]>;
  /** Drops the writer table (idempotent; a no-op on a read-only standby, which reports `false`). */
  dropTable(table: string): Promise<boolean>;
  /** Replication lag the primary reports right now (pre-fault expectation), or null when unknown. */
  replicationLagMs(): Promise<number | null>;
  /** Promotes a standby to primary (PostgreSQL `pg_promote`); absent where the cloud API does it (ADB). */
  promote?(waitSeconds: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens the two endpoints of a writer spec; passwords come from env or a file, never from the spec itself. */
export type SqlConnector = (spec: WriterSpec) => Promise<Readonly<Record<WriterEndpointName, SeqDatabase>>>;

/** The writer table of a drill: its own name, derived from the journal id, never a user table. */
export function writerTable(drillId: string): string {
  const suffix = drillId.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (suffix.length === 0)
    throw new DrillError('DRILL_WRITER_FAILED', `drill id "${drillId}" has no usable characters`);
  return `okemesh_rpo_${suffix.slice(0, 40)}`;
}

/** Only tables `writerTable` can produce are ever created or dropped (checked again before any DDL). */
export function assertWriterTable(table: string): string {
  if (!/^okemesh_rpo_[a-z0-9]{1,40}$/.test(table))
    throw new DrillError(
      'DRILL_WRITER_FAILED',
      `refusing to touch table "${table}": not an okemesh writer table`,
    );
  return table;
}
