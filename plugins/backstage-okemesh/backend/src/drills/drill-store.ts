import type { DrillRun, DrillScenario, DrillStatus } from '@okemesh/backstage-plugin-okemesh-common';
import type { Knex } from 'knex';
import { OkemeshBackendError } from '../errors.js';

/** One line of a drill's journal: what happened when. */
export interface JournalEntry {
  readonly at: string;
  readonly phase: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

interface RunRow {
  id: string;
  entity_ref: string;
  scenario: string;
  status: string;
  initiated_by: string;
  phase: string;
  started_at: string | Date;
  finished_at: string | Date | null;
  rto_seconds: number | null;
  rpo_seconds: number | null;
  slo_rto_seconds: number | null;
  slo_rpo_seconds: number | null;
  message: string | null;
  report: string | null;
  journal: string;
}

export interface NewRun {
  readonly id: string;
  readonly entityRef: string;
  readonly scenario: DrillScenario;
  readonly initiatedBy: string;
  readonly startedAt: Date;
  readonly sloRtoSeconds?: number;
  readonly sloRpoSeconds?: number;
}

export interface FinishedRun {
  readonly status: Exclude<DrillStatus, 'running'>;
  readonly finishedAt: Date;
  readonly rtoSeconds?: number;
  readonly rpoSeconds?: number;
  readonly message?: string;
  readonly report?: string;
}

const iso = (value: string | Date): string => new Date(value).toISOString();

function toRun(row: RunRow): DrillRun {
  const optional = <K extends string>(key: K, value: number | string | null) =>
    value === null ? {} : ({ [key]: value } as Record<K, typeof value>);
  return {
    id: row.id,
    entityRef: row.entity_ref,
    scenario: row.scenario as DrillScenario,
    status: row.status as DrillStatus,
    initiatedBy: row.initiated_by,
    phase: row.phase,
    startedAt: iso(row.started_at),
    ...(row.finished_at === null ? {} : { finishedAt: iso(row.finished_at) }),
    ...optional('rtoSeconds', row.rto_seconds === null ? null : Number(row.rto_seconds)),
    ...optional('rpoSeconds', row.rpo_seconds === null ? null : Number(row.rpo_seconds)),
    ...optional('sloRtoSeconds', row.slo_rto_seconds === null ? null : Number(row.slo_rto_seconds)),
    ...optional('sloRpoSeconds', row.slo_rpo_seconds === null ? null : Number(row.slo_rpo_seconds)),
    ...optional('message', row.message),
  } as DrillRun;
}

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint/i.test(String(e.message))
  );
};

/** Drill history and the per-entity lock, in the plugin's own database. */
export class DrillStore {
  constructor(private readonly db: Knex) {}

  /** Takes the entity's drill lock and records the run in one transaction; a held lock is a conflict. */
  async start(run: NewRun): Promise<DrillRun> {
    try {
      await this.db.transaction(async (tx) => {
        await tx('okemesh_drill_locks').insert({
          entity_ref: run.entityRef,
          run_id: run.id,
          acquired_at: run.startedAt,
        });
        await tx('okemesh_drill_runs').insert({
          id: run.id,
          entity_ref: run.entityRef,
          scenario: run.scenario,
          status: 'running',
          initiated_by: run.initiatedBy,
          phase: 'started',
          started_at: run.startedAt,
          slo_rto_seconds: run.sloRtoSeconds ?? null,
          slo_rpo_seconds: run.sloRpoSeconds ?? null,
          journal: JSON.stringify([{ at: run.startedAt.toISOString(), phase: 'started' }]),
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const holder = await this.db('okemesh_drill_locks').where({ entity_ref: run.entityRef }).first();
      throw new OkemeshBackendError(
        'OKEMESH_DRILL_LOCKED',
        `a drill already runs for ${run.entityRef} (run ${String(holder?.run_id ?? 'unknown')})`,
        error,
      );
    }
    return this.get(run.entityRef, run.id);
  }

  async progress(id: string, entry: JournalEntry): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await tx<RunRow>('okemesh_drill_runs').where({ id }).first();
      if (row === undefined) return;
      const journal = [...(JSON.parse(row.journal) as JournalEntry[]), entry];
      await tx('okemesh_drill_runs')
        .where({ id })
        .update({ phase: entry.phase, journal: JSON.stringify(journal) });
    });
  }

  /** Records the outcome and releases the lock. */
  async finish(id: string, result: FinishedRun): Promise<void> {
    await this.progress(id, { at: result.finishedAt.toISOString(), phase: result.status });
    await this.db.transaction(async (tx) => {
      await tx('okemesh_drill_runs')
        .where({ id })
        .update({
          status: result.status,
          finished_at: result.finishedAt,
          rto_seconds: result.rtoSeconds ?? null,
          rpo_seconds: result.rpoSeconds ?? null,
          message: result.message ?? null,
          report: result.report ?? null,
        });
      await tx('okemesh_drill_locks').where({ run_id: id }).delete();
    });
  }

  async history(entityRef: string, limit = 50): Promise<DrillRun[]> {
    const rows = await this.db<RunRow>('okemesh_drill_runs')
      .where({ entity_ref: entityRef })
      .orderBy('started_at', 'desc')
      .limit(limit);
    return rows.map(toRun);
  }

  private async row(entityRef: string, id: string): Promise<RunRow> {
    const row = await this.db<RunRow>('okemesh_drill_runs').where({ id, entity_ref: entityRef }).first();
    if (row === undefined) {
      throw new OkemeshBackendError('OKEMESH_DRILL_NOT_FOUND', `no drill run ${id} for ${entityRef}`);
    }
    return row;
  }

  async get(entityRef: string, id: string): Promise<DrillRun> {
    return toRun(await this.row(entityRef, id));
  }

  async journal(entityRef: string, id: string): Promise<JournalEntry[]> {
    return JSON.parse((await this.row(entityRef, id)).journal) as JournalEntry[];
  }

  async report(entityRef: string, id: string): Promise<string> {
    const row = await this.row(entityRef, id);
    if (row.report === null) {
      throw new OkemeshBackendError(
        'OKEMESH_DRILL_NOT_FINISHED',
        `drill run ${id} has no report yet (status ${row.status})`,
      );
    }
    return row.report;
  }
}
