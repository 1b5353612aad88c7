import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSequenceWriter } from '../src/probe/sequence-writer.js';
import { runDrill } from '../src/runner/run-drill.js';
import { validateDrill } from '../src/spec/load.js';
import { topologyWith } from './drill-fixture.js';
import { PostgresPair, postgresBin, sh, type PgConnection } from './postgres-testbed.js';

const bin = postgresBin();
// In CI the server is installed by .ci/run: a missing binary there is a failure, never a silent skip.
if (!bin && process.env.CI)
  throw new Error(
    'PostgreSQL server missing under /usr/lib/postgresql, but CI installs it from .ci/apt-packages.txt',
  );
if (!bin)
  console.log(
    'RPO testbed skipped: no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)',
  );

interface Bed {
  pair: PostgresPair;
  app: Server;
  url: string;
  target: PgConnection;
}

/** The "application": a real HTTP endpoint that answers 200 only when its current database answers. */
async function testbed(binDir: string): Promise<Bed> {
  const pair = await PostgresPair.start(binDir);
  const bed = { pair, target: pair.pool(pair.primary) } as Bed;
  bed.app = createServer((_req, res) => {
    bed.target.query('SELECT 1').then(
      () => res.writeHead(200).end(),
      () => res.writeHead(503).end(),
    );
  });
  await new Promise<void>((resolve) => bed.app.listen(0, '127.0.0.1', resolve));
  bed.url = `http://127.0.0.1:${(bed.app.address() as AddressInfo).port}/`;
  return bed;
}

type Step = { inject: string[]; revert: string[] };

async function failoverDrill(bed: Bed, stop: Step[], options: { beforeFault?: () => void } = {}) {
  const topology = await topologyWith();
  const { pair } = bed;
  const drill = validateDrill(
    {
      apiVersion: 'okemesh.io/v1alpha1',
      kind: 'Drill',
      metadata: { name: 'pg-failover' },
      spec: {
        steadyState: { duration: '600ms', minSuccess: 90 },
        probes: [{ type: 'http', name: 'app', url: bed.url, rate: 100, timeout: '1s' }],
        faults: [
          ...stop.map((f) => ({ type: 'command' as const, ...f })),
          { type: 'command', inject: pair.ctlArgv(pair.replica, 'promote'), revert: ['true'] },
        ],
        hold: '1200ms',
        recovery: { sustain: '100ms' },
      },
    },
    topology,
  );
  const acked: number[] = [];
  const writerPool = { current: pair.pool(pair.primary) };
  if (options.beforeFault) setTimeout(options.beforeFault, 300);
  const run = await runDrill({
    drill,
    topology,
    deps: { apis: new Map(), commands: async (argv) => void (await sh(argv)) },
    journalPath: join(await mkdtemp(join(tmpdir(), 'okemesh-rpo-')), 'journal.json'),
    writer: {
      start: () =>
        startSequenceWriter({
          target: 'postgres',
          rate: 100,
          timeoutMs: 300,
          write: async (seq, ts) =>
            void (await writerPool.current.query('INSERT INTO seqs (seq, writer_ts) VALUES ($1, $2)', [
              seq,
              ts,
            ])),
          onSample: (s) => s.ok && acked.push(s.seq),
        }),
      present: async () =>
        (await pair.pool(pair.replica).query<{ seq: number }>('SELECT seq FROM seqs')).rows.map((r) => r.seq),
    },
    // The clients follow the failover once the replica is promoted (what DNS/service discovery would do).
    onInjected: () => {
      bed.target = pair.pool(pair.replica);
      writerPool.current = bed.target;
    },
  });
  const held = new Set(
    (await pair.pool(pair.replica).query<{ seq: number }>('SELECT seq FROM seqs')).rows.map((r) => r.seq),
  );
  return { run, acked, held };
}

describe.skipIf(!bin)('RPO testbed: PostgreSQL primary + streaming replica on 127.0.0.1', () => {
  const beds: Bed[] = [];
  afterEach(async () => {
    for (const bed of beds.splice(0)) {
      bed.app.close();
      await bed.pair.close();
    }
  });

  it('primary stopped, replica promoted: RPO and write-RTO match what the database holds', async () => {
    const bed = await testbed(bin ?? '');
    beds.push(bed);
    const { run, acked, held } = await failoverDrill(bed, [
      { inject: bed.pair.ctlArgv(bed.pair.primary, 'stop-immediate'), revert: ['true'] },
    ]);
    const rpo = run.result.rpo;
    if (!rpo) throw new Error('no RPO measured');
    const lostTruth = acked.filter((seq) => !held.has(seq));
    expect(rpo.acknowledged).toBe(acked.length);
    expect(rpo.lostRows).toBe(lostTruth.length);
    expect(rpo.maxPresent).toBe(Math.max(...held));
    expect(rpo.writeRtoMs).toBeGreaterThan(0);
    expect(rpo.writeRtoMs).toBeLessThan(2_000);
    expect(run.result.recoveries[0]?.rtoMs).not.toBeNull();
    expect(run.result.checks.find((c) => c.slo === 'rpo')).toMatchObject({ pass: true, measured: rpo.rpoMs });
  }, 30_000);

  it('replication frozen before the fault: the acknowledged-but-unreplicated rows are the RPO', async () => {
    const bed = await testbed(bin ?? '');
    beds.push(bed);
    const sender = await bed.pair.walSenderPid();
    let frozenAt = 0;
    // Immediate shutdown of the primary, whose frozen WAL sender dies without sending what it had.
    const stop = [
      { inject: bed.pair.ctlArgv(bed.pair.primary, 'stop-immediate-nowait'), revert: ['true'] },
      { inject: ['kill', '-KILL', String(sender)], revert: ['true'] },
    ];
    const { run, acked, held } = await failoverDrill(bed, stop, {
      beforeFault: () => {
        frozenAt = Date.now();
        process.kill(sender, 'SIGSTOP');
      },
    });
    const rpo = run.result.rpo;
    if (!rpo) throw new Error('no RPO measured');
    const lostTruth = acked.filter((seq) => !held.has(seq));
    expect(lostTruth.length).toBeGreaterThan(5);
    expect(rpo.lostRows).toBe(lostTruth.length);
    expect(rpo.lostSeqs).toEqual(lostTruth);
    // Everything acknowledged between the freeze and the primary's stop was lost.
    expect(frozenAt).toBeGreaterThan(0);
    const frozenFor = (run.result.faultStart ?? 0) - frozenAt;
    expect(Math.abs(rpo.rpoMs - frozenFor)).toBeLessThan(250);
  }, 30_000);
});
