import { parseDuration } from '@okemesh/topology';
import { DrillError } from '../errors.js';
import type { WriterSpec } from '../spec/writer-schema.js';
import { readPassword } from './credentials.js';
import { oracleConnectionConfig, oracleDatabase } from './oracle-database.js';
import type { OracleDriver } from './oracle-driver.js';
import type { PgDriver } from './pg-driver.js';
import { postgresDatabase } from './postgres-database.js';
import type { SqlConnector } from './seq-database.js';

export interface SqlConnectorOptions {
  /** The `pg` module (default: imported on first use; it is an optional peer dependency). */
  readonly pg?: PgDriver;
  /** The `oracledb` module, used in thin mode (default: imported on first use). */
  readonly oracledb?: OracleDriver;
  readonly env?: NodeJS.ProcessEnv;
}

async function load<T>(name: string, from: () => Promise<unknown>): Promise<T> {
  try {
    const module = (await from()) as { default?: unknown };
    return (module.default ?? module) as T;
  } catch (cause) {
    throw new DrillError(
      'DRILL_WRITER_FAILED',
      `the RPO writer needs the ${name} driver: npm install ${name}`,
      { cause },
    );
  }
}

/** Opens the writer's primary and standby endpoints through `pg` or `oracledb` (thin mode). */
export function sqlConnector(options: SqlConnectorOptions = {}): SqlConnector {
  return async (spec: WriterSpec) => {
    const password = await readPassword(spec, options.env);
    if (spec.driver === 'postgres') {
      const driver = options.pg ?? (await load<PgDriver>('pg', () => import('pg')));
      return {
        primary: postgresDatabase(driver, spec, 'primary', password),
        standby: postgresDatabase(driver, spec, 'standby', password),
      };
    }
    const driver = options.oracledb ?? (await load<OracleDriver>('oracledb', () => import('oracledb')));
    if (!driver.thin)
      throw new DrillError(
        'DRILL_WRITER_FAILED',
        'oracledb is in thick mode (initOracleClient was called); the writer uses thin mode only',
      );
    const walletPassword = spec.walletPasswordEnv
      ? await readPassword({ passwordEnv: spec.walletPasswordEnv }, options.env)
      : undefined;
    const timeoutMs = parseDuration(spec.timeout) ?? 1_000;
    return {
      primary: oracleDatabase(
        driver,
        oracleConnectionConfig(spec, 'primary', password, walletPassword),
        'primary',
        timeoutMs,
      ),
      standby: oracleDatabase(
        driver,
        oracleConnectionConfig(spec, 'standby', password, walletPassword),
        'standby',
        timeoutMs,
      ),
    };
  };
}
