import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqlConnector } from '../src/data/sql-connector.js';
import { writeReports } from '../src/report/write-reports.js';
import type { Journal } from '../src/runner/journal.js';
import { recoverFromJournal } from '../src/runner/recover.js';
import { runDrill } from '../src/runner/run-drill.js';
import { validateDrill } from '../src/spec/load.js';
import type { WriterSpecInput } from '../src/spec/writer-schema.js';
import { bundleChild } from './child-bundle.js';
import { topologyWith } from './drill-fixture.js';
import { postgresBin } from './postgres-testbed.js';
import { pgDriver, ReplicatedPostgres, WRITER_ROLE } from './replicated-postgres.js';

const bin = postgresBin();
// In CI the server is installed by .ci/run: a missing binary there is a failure, never a silent skip.
if (!bin && process.env.CI)
  throw new Error(
    'PostgreSQL server missing under /usr/lib/postgresql, but CI installs it (.ci/apt-packages.txt)',
  );
if (!bin)
  console.log(
    'RPO replication tests skipped: no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)',
  );

const PASSWORD = 'Wr1ter-s3cret-never-in-reports';
const RATE = 50;
const env = { ...process.env, OKEMESH_TEST_PGPASSWORD: PASSWORD };
const sql = sqlConnector({ pg: pgDriver, env });

interface Bed {
  pg: ReplicatedPostgres;
  app: Server;
  url: string;
}

/** The application: 200 when a writable database answers (the primary through the partitionable front, else the promoted replica). */
async function app(pg: ReplicatedPostgres): Promise<Bed> {
  const front = pg.connect(pg.front.port);
  const replica = pg.connect(pg.replicaPort);
  const server = createServer((_req, res) => {
    front
      .query('SELECT 1')
      .catch(() =>
        replica.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby').then(({ rows }) => {
          if (rows[0]?.standby !== false) throw new Error('still a standby');
        }),
      )
      .then(
        () => res.writeHead(200).end(),
        () => res.writeHead(503).end(),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { pg, app: server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function writerSpec(pg: ReplicatedPostgres): WriterSpecInput {
  return {
    driver: 'postgres',
    primary: { host: '127.0.0.1', port: pg.front.port },
    standby: { host: '127.0.0.1', port: pg.replicaPort },
    user: WRITER_ROLE,
    passwordEnv: 'OKEMESH_TEST_PGPASSWORD',
    rate: RATE,
    timeout: '500ms',
  };
}

/** Partition the primary (front and WAL stream at once), then promote the replica over SQL, mid-writes. */
async function failoverDrill(bed: Bed) {
  const topology = await topologyWith({ rpo: '5s' });
  const drill = validateDrill(
    {
      apiVersion: 'okemesh.io/v1alpha1',
      kind: 'Drill',
      metadata: { name: 'pg-async-failover' },
      spec: {
        steadyState: { duration: '1s', minSuccess: 90 },
        probes: [{ type: 'http', name: 'app', url: bed.url, rate: 50, timeout: '1s' }],
        writer: writerSpec(bed.pg),
        faults: [
          { type: 'command', inject: ['testbed', 'partition-primary'], revert: ['true'] },
          { type: 'postgres-promote', wait: '30s' },
        ],
        hold: '1500ms',
        recovery: { sustain: '100ms' },
        maxDuration: '60s',
      },
    },
    topology,
  );
  const dir = await mkdtemp(join(tmpdir(), 'okemesh-rpo-repl-'));
  let cutAt = 0;
  const run = await runDrill({
    drill,
    topology,
    journalPath: join(dir, 'journal.json'),
    deps: {
      apis: new Map(),
      sql,
      commands: async (argv) => {
        if (argv[0] !== 'testbed') return;
        cutAt = bed.pg.front.cut();
        bed.pg.replication.cut();
      },
    },
  });
  return { run, dir, cutAt };
}

describe.skipIf(!bin)(
  'RPO on real PostgreSQL: two clusters on 127.0.0.1, promotion in the middle of the writes',
  () => {
    const beds: Bed[] = [];
    afterEach(async () => {
      for (const bed of beds.splice(0)) {
        bed.app.close();
        await bed.pg.close();
      }
    });

    it('asynchronous replication with 400 ms injected lag: measured RPO = injected lag within the stated bound', async () => {
      const lagMs = 400;
      const bed = await app(
        await ReplicatedPostgres.start(bin ?? '', { synchronous: false, lagMs, writerPassword: PASSWORD }),
      );
      beds.push(bed);
      const { run, dir } = await failoverDrill(bed);
      expect(run.result.reason).not.toMatch(/error|revert/i);
      const rpo = run.result.rpo;
      if (!rpo) throw new Error(`no RPO measured: ${run.result.reason}`);
      console.log(
        `async: RPO ${rpo.rpoMs} ms ± ${rpo.boundMs.toFixed(1)} ms (truth ${lagMs} ms), ${rpo.lostRows}/${rpo.acknowledged} rows lost, expected lag ${rpo.expectedLagMs} ms, write-RTO ${rpo.writeRtoMs} ms`,
      );
      // The bound the report states: one write interval plus the clock error (commit latency + 1 ms).
      expect(rpo.boundMs).toBeCloseTo(1_000 / RATE + rpo.clockErrorMs, 6);
      expect(Math.abs(rpo.rpoMs - lagMs)).toBeLessThanOrEqual(rpo.boundMs);
      expect(rpo.lostRows).toBeGreaterThanOrEqual(Math.floor((lagMs * RATE) / 1_000) - 2);
      expect(rpo.lostAfterFault).toBe(0);
      // pg_stat_replication saw the injected lag before the fault.
      expect(rpo.expectedLagMs).toBeGreaterThan(lagMs / 2);
      expect(rpo.writeRtoMs).not.toBeNull();
      expect(run.result.checks.find((c) => c.slo === 'rpo')).toMatchObject({
        pass: true,
        measured: rpo.rpoMs,
      });
      // The writer's table was journaled, then dropped on the new primary; the user table is untouched.
      const journal = JSON.parse(await readFile(join(dir, 'journal.json'), 'utf8')) as Journal['data'];
      const table = journal.mutations.find((m) => m.revert.type === 'drop-writer-table');
      expect(table).toMatchObject({ fault: -1, state: 'reverted' });
      expect(await bed.pg.tablesOnReplica()).toEqual(['orders']);
      const { rows } = await bed.pg
        .connect(bed.pg.replicaPort)
        .query<{ n: string }>('SELECT count(*) AS n FROM orders');
      expect(rows[0]?.n).toBe('3');
      // Credentials never reach the journal or any report.
      await writeReports(run.result, dir);
      for (const file of await readdir(dir))
        expect(await readFile(join(dir, file), 'utf8')).not.toContain(PASSWORD);
      expect(JSON.stringify(run.result)).not.toContain(PASSWORD);
    }, 90_000);

    it('synchronous replication, same lag injection: every acknowledged row survives, RPO 0', async () => {
      const bed = await app(
        await ReplicatedPostgres.start(bin ?? '', { synchronous: true, lagMs: 30, writerPassword: PASSWORD }),
      );
      beds.push(bed);
      const { run } = await failoverDrill(bed);
      const rpo = run.result.rpo;
      if (!rpo) throw new Error(`no RPO measured: ${run.result.reason}`);
      console.log(
        `sync: RPO ${rpo.rpoMs} ms ± ${rpo.boundMs.toFixed(1)} ms, ${rpo.lostRows}/${rpo.acknowledged} rows lost, ${rpo.indeterminate} indeterminate, write-RTO ${rpo.writeRtoMs} ms`,
      );
      expect(rpo.acknowledged).toBeGreaterThan(RATE);
      expect(rpo.lostRows).toBe(0);
      expect(rpo.rpoMs).toBe(0);
      expect(run.result.checks.find((c) => c.slo === 'rpo')).toMatchObject({ pass: true, measured: 0 });
    }, 90_000);

    it('SIGKILL mid-drill leaves the writer table, journaled; drill recover drops it on both clusters', async () => {
      const pg = await ReplicatedPostgres.start(bin ?? '', {
        synchronous: false,
        lagMs: 0,
        writerPassword: PASSWORD,
      });
      const bed = await app(pg);
      beds.push(bed);
      const topology = await topologyWith();
      const drill = validateDrill(
        {
          apiVersion: 'okemesh.io/v1alpha1',
          kind: 'Drill',
          metadata: { name: 'pg-crash' },
          spec: {
            steadyState: { duration: '300ms', minSuccess: 50 },
            probes: [{ type: 'http', name: 'app', url: bed.url, rate: 20 }],
            writer: writerSpec(pg),
            faults: [{ type: 'postgres-promote', wait: '30s' }],
            hold: '60s',
          },
        },
        topology,
      );
      const dir = await mkdtemp(join(tmpdir(), 'okemesh-rpo-crash-'));
      const journalPath = join(dir, 'journal.json');
      await writeFile(join(dir, 'input.json'), JSON.stringify({ topology, drill, journalPath }));
      // The child uses the library's own default connector: the real `pg`, imported by @okemesh/drills itself.
      const proc = spawn(process.execPath, [await bundleChild('writer-child.ts'), join(dir, 'input.json')], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env,
      });
      let out = '';
      await new Promise<void>((resolve, reject) => {
        proc.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('INJECTED')) resolve();
        });
        proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        proc.once('exit', () => reject(new Error(`child exited before injecting:\n${out}`)));
      });
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGKILL');
      await exited;
      const journal = JSON.parse(await readFile(journalPath, 'utf8')) as Journal['data'];
      const mutation = journal.mutations.find((m) => m.revert.type === 'drop-writer-table');
      expect(mutation).toMatchObject({ fault: -1, state: 'applied' });
      const table = `okemesh_rpo_${journal.id}`;
      const holds = async (port: number) =>
        (await pg.connect(port).query('SELECT 1 FROM pg_tables WHERE tablename = $1', [table])).rows.length;
      // Left behind on the old primary and, replicated before the promotion, on the new one.
      expect([await holds(pg.primaryPort), await holds(pg.replicaPort)]).toEqual([1, 1]);
      const report = await recoverFromJournal(journalPath, { apis: new Map(), sql });
      expect(report.failures).toEqual([]);
      expect(report.reverted).toContain(`create RPO writer table ${table} on the primary`);
      expect([await holds(pg.primaryPort), await holds(pg.replicaPort)]).toEqual([0, 0]);
      expect(await readFile(journalPath, 'utf8')).not.toContain(PASSWORD);
    }, 90_000);
  },
);
