// @ts-check
/* global exports */
// Drill history and the per-entity drill lock. CommonJS so knex loads it from this ESM package.

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('okemesh_drill_runs', (table) => {
    table.comment('Failover drills started from Backstage, one row per run');
    table.string('id', 36).primary();
    table.string('entity_ref').notNullable().index();
    table.string('scenario').notNullable();
    table.string('status').notNullable();
    table.string('initiated_by').notNullable();
    table.string('phase').notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.double('rto_seconds').nullable();
    table.double('rpo_seconds').nullable();
    table.double('slo_rto_seconds').nullable();
    table.double('slo_rpo_seconds').nullable();
    table.text('message').nullable();
    table.text('report').nullable();
    table.text('journal').notNullable();
  });
  await knex.schema.createTable('okemesh_drill_locks', (table) => {
    table.comment('At most one running drill per entity: the row exists while the drill runs');
    table.string('entity_ref').primary();
    table.string('run_id', 36).notNullable();
    table.timestamp('acquired_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('okemesh_drill_locks');
  await knex.schema.dropTable('okemesh_drill_runs');
};
