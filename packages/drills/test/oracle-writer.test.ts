import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import oracledb from 'oracledb';
import { describe, expect, it } from 'vitest';
import { readPassword } from '../src/data/credentials.js';
import { databaseWriter } from '../src/data/database-writer.js';
import { oracleConnectionConfig } from '../src/data/oracle-database.js';
import type { OracleDriver } from '../src/data/oracle-driver.js';
import { sqlConnector } from '../src/data/sql-connector.js';
import { Journal } from '../src/runner/journal.js';
import { writerSchema, type OracleWriterSpec } from '../src/spec/writer-schema.js';
import { freePort } from './postgres-testbed.js';

/**
 * There is no Oracle Database here: these tests cover the ADB writer's construction and configuration, and
 * that the real `oracledb` driver, in thin mode (pure JavaScript, no Instant Client), is what it talks
 * through. The live test below runs only against a real Autonomous Database pair named in the environment.
 */
const spec = (over: Partial<OracleWriterSpec> = {}): OracleWriterSpec =>
  writerSchema.parse({
    driver: 'oracle',
    primary: { connectString: 'adb.us-sanjose-1.oraclecloud.com:1522/okemesh_high.adb.oraclecloud.com' },
    standby: { connectString: 'adb.us-chicago-1.oraclecloud.com:1522/okemesh_high.adb.oraclecloud.com' },
    user: 'OKEMESH_WRITER',
    passwordEnv: 'ADB_PASSWORD',
    walletDir: '/secrets/wallet',
    walletPasswordEnv: 'ADB_WALLET_PASSWORD',
    timeout: '2500ms',
    ...over,
  }) as OracleWriterSpec;

describe('ADB sequence writer through oracledb (thin mode)', () => {
  it('builds one connection per region from the spec, secrets from env only', () => {
    const s = spec();
    expect(oracleConnectionConfig(s, 'standby', 'pw', 'wpw')).toEqual({
      user: 'OKEMESH_WRITER',
      password: 'pw',
      connectString: 'adb.us-chicago-1.oraclecloud.com:1522/okemesh_high.adb.oraclecloud.com',
      connectTimeout: 3,
      configDir: '/secrets/wallet',
      walletLocation: '/secrets/wallet',
      walletPassword: 'wpw',
    });
    expect(oracleConnectionConfig(s, 'primary', undefined, undefined)).not.toHaveProperty('password');
    expect(JSON.stringify(s)).not.toMatch(/"password"/);
  });

  it('uses the real driver in thin mode; a closed port fails with the driver’s own error, no shell-out', async () => {
    expect(oracledb.thin).toBe(true);
    const port = await freePort();
    const connector = sqlConnector({
      oracledb: oracledb as unknown as OracleDriver,
      env: { ADB_PASSWORD: 'pw', ADB_WALLET_PASSWORD: 'wpw' },
    });
    const dbs = await connector(
      spec({
        primary: { connectString: `127.0.0.1:${port}/okemesh` },
        standby: { connectString: `127.0.0.1:${port}/okemesh` },
        walletDir: undefined,
        walletPasswordEnv: undefined,
      }),
    );
    await expect(dbs.primary.createTable('okemesh_rpo_abc')).rejects.toMatchObject({
      code: expect.stringMatching(/^NJS-/),
    });
    await dbs.primary.close();
    await dbs.standby.close();
  });

  it('refuses thick mode, a missing password variable and a group-readable password file', async () => {
    const thick = sqlConnector({
      oracledb: { thin: false, getConnection: () => Promise.reject(new Error('unused')) },
      env: { ADB_PASSWORD: 'pw', ADB_WALLET_PASSWORD: 'w' },
    });
    await expect(thick(spec())).rejects.toMatchObject({ code: 'DRILL_WRITER_FAILED' });
    await expect(sqlConnector({ env: {} })(spec())).rejects.toMatchObject({ code: 'DRILL_CREDENTIALS' });
    const file = join(await mkdtemp(join(tmpdir(), 'okemesh-pw-')), 'password');
    await writeFile(file, 's3cret\n', { mode: 0o640 });
    await chmod(file, 0o640);
    await expect(readPassword({ passwordFile: file })).rejects.toThrow(/chmod 600/);
    await chmod(file, 0o600);
    expect(await readPassword({ passwordFile: file })).toBe('s3cret');
  });
});

const live = [
  'OKEMESH_TEST_ADB_PRIMARY',
  'OKEMESH_TEST_ADB_STANDBY',
  'OKEMESH_TEST_ADB_USER',
  'OKEMESH_TEST_ADB_PASSWORD',
];
const missing = live.filter((name) => !process.env[name]);
if (missing.length > 0)
  console.log(
    `live Autonomous Database writer test skipped: no Oracle Database here; set ${missing.join(', ')} (and OKEMESH_TEST_ADB_WALLET for mTLS) to run it`,
  );

describe.skipIf(missing.length > 0)('live Autonomous Database pair (OKEMESH_TEST_ADB_*)', () => {
  it('creates its table on the primary, commits numbered rows, reads them back and drops the table', async () => {
    const wallet = process.env.OKEMESH_TEST_ADB_WALLET;
    const s = writerSchema.parse({
      driver: 'oracle',
      primary: { connectString: process.env.OKEMESH_TEST_ADB_PRIMARY },
      standby: { connectString: process.env.OKEMESH_TEST_ADB_STANDBY },
      user: process.env.OKEMESH_TEST_ADB_USER,
      passwordEnv: 'OKEMESH_TEST_ADB_PASSWORD',
      rate: 10,
      ...(wallet ? { walletDir: wallet, walletPasswordEnv: 'OKEMESH_TEST_ADB_WALLET_PASSWORD' } : {}),
    });
    const connector = sqlConnector({ oracledb: oracledb as unknown as OracleDriver });
    const journal = await Journal.create(join(await mkdtemp(join(tmpdir(), 'okemesh-adb-live-')), 'j.json'), {
      drill: 'adb-live',
      scenario: null,
      topology: 'live',
      dryRun: false,
    });
    const writer = databaseWriter(s, connector, journal.id);
    await writer.prepare?.(journal);
    const running = writer.start();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const run = await running.stop();
    const acked = run.samples.filter((x) => x.ok).map((x) => x.seq);
    expect(acked.length).toBeGreaterThan(5);
    expect([...(await writer.present())].sort((a, b) => a - b)).toEqual(acked);
    await writer.close?.();
    const dbs = await connector(s);
    expect(await dbs.primary.dropTable(`okemesh_rpo_${journal.id}`)).toBe(true);
    await Promise.all([dbs.primary.close(), dbs.standby.close()]);
  }, 60_000);
});
