import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrillStore } from '../src/drills/drill-store.js';
import { migrateDown, migrateUp } from '../src/drills/migrations.js';
import { postgresBin, startPostgres, type PostgresServer } from './postgres-server.js';

const bin = postgresBin();
if (!bin)
  console.warn(
    'okemesh migration tests skipped: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)',
  );
if (!bin && process.env['CI']) throw new Error('CI must provide PostgreSQL (apt-get install postgresql)');

describe.skipIf(!bin)('okemesh knex migrations on PostgreSQL (Debian server started by the test)', () => {
  let pg: PostgresServer;
  let knex: Knex;

  beforeAll(async () => {
    pg = await startPostgres(bin!);
    knex = knexFactory({ client: 'pg', connection: pg.connection });
  });
  afterAll(async () => {
    await knex?.destroy();
    await pg?.stop();
  });

  it('go up, hold drill history and the lock, and come down without a trace', async () => {
    await migrateUp(knex);
    expect(await knex.schema.hasTable('okemesh_drill_runs')).toBe(true);
    expect(await knex.schema.hasTable('okemesh_drill_locks')).toBe(true);
    const version = await knex.raw<{ rows: { server_version: string }[] }>('show server_version');
    console.log(`migrations ran on PostgreSQL ${version.rows[0]?.server_version}`);

    const store = new DrillStore(knex);
    const startedAt = new Date('2026-12-07T03:00:00Z');
    const run = await store.start({
      id: '00000000-0000-4000-8000-000000000001',
      entityRef: 'component:default/shop',
      scenario: 'ingress-failure',
      initiatedBy: 'user:default/alice',
      startedAt,
      sloRtoSeconds: 900,
    });
    expect(run).toMatchObject({
      status: 'running',
      phase: 'started',
      sloRtoSeconds: 900,
      startedAt: startedAt.toISOString(),
    });
    await expect(
      store.start({ ...run, id: '00000000-0000-4000-8000-000000000002', scenario: 'full-region', startedAt }),
    ).rejects.toMatchObject({ code: 'OKEMESH_DRILL_LOCKED', name: 'ConflictError' });
    await store.progress(run.id, { at: '2026-12-07T03:00:05.000Z', phase: 'fault injected' });
    await store.finish(run.id, {
      status: 'failed',
      finishedAt: new Date('2026-12-07T03:20:00Z'),
      rtoSeconds: 1200,
      report: '# r',
    });
    expect(await store.history('component:default/shop')).toEqual([
      expect.objectContaining({ status: 'failed', rtoSeconds: 1200, finishedAt: '2026-12-07T03:20:00.000Z' }),
    ]);
    expect((await store.journal('component:default/shop', run.id)).map((e) => e.phase)).toEqual([
      'started',
      'fault injected',
      'failed',
    ]);
    await expect(store.report('component:default/shop', 'nope')).rejects.toMatchObject({
      code: 'OKEMESH_DRILL_NOT_FOUND',
    });

    await migrateDown(knex);
    expect(await knex.schema.hasTable('okemesh_drill_runs')).toBe(false);
    expect(await knex.schema.hasTable('okemesh_drill_locks')).toBe(false);
    await migrateUp(knex);
    expect(await knex('okemesh_drill_runs').count({ n: '*' })).toEqual([{ n: '0' }]);
  });
});
