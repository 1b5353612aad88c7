import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath('@okemesh/backstage-plugin-okemesh-backend', 'migrations');

/** knex settings for this plugin's migrations (CommonJS `.cjs` files in an ESM package). */
export const migrationConfig: Knex.MigratorConfig = {
  directory: migrationsDir,
  loadExtensions: ['.cjs'],
  tableName: 'okemesh_knex_migrations',
};

export async function migrateUp(knex: Knex): Promise<void> {
  await knex.migrate.latest(migrationConfig);
}

/** Rolls every okemesh migration back (used by tests and by operators removing the plugin). */
export async function migrateDown(knex: Knex): Promise<void> {
  await knex.migrate.rollback(migrationConfig, true);
}
