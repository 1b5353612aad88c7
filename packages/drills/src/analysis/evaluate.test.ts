import { loadExampleTopology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { syntheticRun } from '../../test/synthetic-run.js';
import { junitReport } from '../report/junit.js';
import { markdownReport } from '../report/markdown.js';
import { svgTimeline } from '../report/svg-timeline.js';
import { scenarioDrill } from '../spec/scenarios.js';
import { evaluateDrill } from './evaluate.js';
import { measureRecovery } from './recovery.js';
import { measureRpo } from './rpo.js';

const START = 1_700_000_000_000;

async function setup() {
  const { topology } = await loadExampleTopology();
  const drill = scenarioDrill('east-west-failure', topology);
  return { topology, drill: { ...drill, spec: { ...drill.spec, recovery: { sustain: '300ms' } } } };
}

describe('measureRecovery', () => {
  it('computes F, S, L, RTO = S - T_f and outage = S - F', () => {
    // fault at slot 5 (t=500 ms), failures from slot 7 to 12, sustained from 13
    const run = syntheticRun('p', '.......xxxxxx.......', { start: START });
    const r = measureRecovery(run, { faultStart: START + 500, sustain: 3 });
    expect(r.firstFailure).toBe(START + 700);
    expect(r.sustainedSuccess).toBe(START + 1_300);
    expect(r.rtoMs).toBe(800);
    expect(r.outageMs).toBe(600);
    expect(r.timeToLastErrorMs).toBe(700);
    expect(r.resolutionMs).toBe(100);
    expect(r.flaps).toBe(0);
  });

  it('reports no recovery and counts flaps', () => {
    expect(
      measureRecovery(syntheticRun('p', '...xx.xxxx', { start: START }), { faultStart: START, sustain: 3 })
        .rtoMs,
    ).toBeNull();
    const flappy = measureRecovery(syntheticRun('p', '..xx....x....', { start: START }), {
      faultStart: START,
      sustain: 3,
    });
    expect(flappy.flaps).toBe(1);
  });

  it('is RTO 0 when the fault caused no failure', () => {
    expect(
      measureRecovery(syntheticRun('p', '..........', { start: START }), { faultStart: START + 200 }).rtoMs,
    ).toBe(0);
  });
});

describe('measureRpo', () => {
  it('counts acknowledged writes the database lost, by the writer clock', () => {
    const writer = syntheticRun('w', '......xx....', { start: START, rate: 20 });
    // seqs 0..5 acked; 4 and 5 never reached the replica; 6-7 failed; 8.. on the new primary; 7 committed but unacked
    const present = [0, 1, 2, 3, 7, 8, 9, 10, 11];
    const rpo = measureRpo(writer, present, START + 260);
    expect(rpo.lostSeqs).toEqual([4, 5]);
    expect(rpo.lostRows).toBe(2);
    expect(rpo.rpoMs).toBe(100); // ts(5) - ts(3)
    expect(rpo.indeterminate).toBe(1);
    expect(rpo.writeRtoMs).toBe(400 - 260);
    expect(rpo.lastAckedBeforeFault).toBe(5);
  });
});

describe('evaluateDrill and the reports', () => {
  it('passes within the SLO and renders Markdown, JUnit and SVG', async () => {
    const { topology, drill } = await setup();
    const runs = [syntheticRun('journey-fresh', '.....xxx..........', { start: START })];
    const result = evaluateDrill({
      drill,
      topology,
      runs,
      startedAt: START,
      endedAt: START + 1_800,
      faultStart: START + 500,
      faultEnd: START + 1_000,
      phases: [{ phase: 'inject', at: START + 500 }],
    });
    expect(result.outcome).toBe('pass');
    expect(result.checks[0]).toMatchObject({ slo: 'rto', measured: 300, objective: 900_000, pass: true });
    const md = markdownReport(result);
    expect(md).toContain('# Drill east-west-failure-primary-cluster: PASS');
    expect(md).toMatch(/\| rto \| 900000 ms \| 300 ms \| PASS \|/);
    const xml = junitReport(result);
    expect(xml).toContain('failures="0" errors="0"');
    const svg = svgTimeline(result);
    expect(svg).toContain('class="fault"');
    expect(svg).toContain('class="recovered"');
    expect(svg.match(/<polyline class="success"/g)).toHaveLength(1);
  });

  it('fails when recovery is not observed, and reports aborts as errors in JUnit', async () => {
    const { topology, drill } = await setup();
    const runs = [syntheticRun('journey-fresh', '.....xxxxxxxxx', { start: START })];
    const base = {
      drill,
      topology,
      runs,
      startedAt: START,
      endedAt: START + 1_400,
      faultStart: START + 500,
      faultEnd: START + 1_400,
      phases: [],
    };
    const failed = evaluateDrill(base);
    expect(failed.outcome).toBe('fail');
    expect(failed.reason).toMatch(/recovery not observed/);
    expect(junitReport(failed)).toContain('<failure message="recovery not observed by journey-fresh');
    const aborted = evaluateDrill({ ...base, aborted: 'guard probe below 90 %' });
    expect(aborted.outcome).toBe('aborted');
    expect(junitReport(aborted)).toContain('type="DrillAborted"');
  });

  it('fails a breached RPO', async () => {
    const { topology, drill } = await setup();
    const writes = syntheticRun('writer', '.'.repeat(3_200) + 'xx' + '....', { start: START, rate: 10 });
    const present = Array.from({ length: 200 }, (_, i) => i);
    const result = evaluateDrill({
      drill,
      topology,
      runs: [syntheticRun('journey-fresh', '....', { start: START })],
      writer: { run: writes, present },
      startedAt: START,
      endedAt: START + 330_000,
      faultStart: START + 320_000,
      faultEnd: START + 330_000,
      phases: [],
    });
    expect(result.rpo?.lostRows).toBe(3_004);
    expect(result.checks.find((c) => c.slo === 'rpo')).toMatchObject({ pass: false, measured: 300_600 });
    expect(result.outcome).toBe('fail');
  });
});

describe('RPO in every report', () => {
  it('states the bound (1/rate + clock error), the expected lag and the loss window in JSON, Markdown, JUnit and SVG', async () => {
    const { topology, drill } = await setup();
    // 20 writes/s, 3 ms commit latency: seqs 10..13 acknowledged but lost, fault at slot 14.
    const writes = syntheticRun('writer postgres okemesh_rpo_x', '.'.repeat(30), { start: START, rate: 20 });
    const present = [
      ...Array.from({ length: 10 }, (_, i) => i),
      ...Array.from({ length: 16 }, (_, i) => i + 14),
    ];
    const result = evaluateDrill({
      drill,
      topology,
      runs: [syntheticRun('journey-fresh', '..........', { start: START })],
      writer: { run: writes, present, clockErrorMs: 2, expectedLagMs: 180 },
      startedAt: START,
      endedAt: START + 1_500,
      faultStart: START + 700,
      faultEnd: START + 1_400,
      phases: [{ phase: 'hold', at: START + 720 }],
    });
    const rpo = result.rpo;
    expect(rpo).toMatchObject({
      lostSeqs: [10, 11, 12, 13],
      rpoMs: 200, // ts(13) - ts(9)
      boundMs: 50 + 2 + 3, // 1/20 s + configured clock error + commit latency of the bounding rows
      lastSurviving: 9,
      lastAckedBeforeFault: 13,
      lostAfterFault: 0,
      expectedLagMs: 180,
      lossWindow: { from: START + 450, to: START + 650 },
    });
    expect(JSON.parse(JSON.stringify(result)).rpo.boundMs).toBe(55);
    const markdown = markdownReport(result);
    expect(markdown).toContain('RPO 0.200 s ± 55 ms (bound = 1/20 writes/s + clock error 5.0 ms)');
    expect(markdown).toContain('expected RPO): 0.180 s');
    expect(markdown).toMatch(/\| rpo \| 300000 ms \| 200 ms \| PASS \| RPO 200 ms ± 55 ms/);
    const junit = junitReport(result);
    expect(junit).toContain('<property name="rpo.measured.ms" value="200"/>');
    expect(junit).toContain('<property name="rpo.bound.ms" value="55"/>');
    expect(junit).toContain('<property name="rto.objective.ms" value="');
    expect(junit).toMatch(/<testcase [^>]*name="rpo"[^>]*>\s*<system-out>RPO 200 ms ± 55 ms/);
    const svg = svgTimeline(result);
    expect(svg).toMatch(/<rect class="data-loss" x="[\d.]+" y="[\d.]+" width="[\d.]+"/);
    expect(svg).toContain('RPO 200 ms ± 55 ms');
  });

  it('marks when writes were accepted again (write-RTO) on the writer row of the timeline', async () => {
    const { topology, drill } = await setup();
    const writes = syntheticRun('w', '......xx....', { start: START, rate: 10 });
    const result = evaluateDrill({
      drill,
      topology,
      runs: [syntheticRun('journey-fresh', '....', { start: START })],
      writer: { run: writes, present: Array.from({ length: 12 }, (_, i) => i) },
      startedAt: START,
      endedAt: START + 1_200,
      faultStart: START + 550,
      faultEnd: START + 1_100,
      phases: [],
    });
    expect(result.rpo).toMatchObject({ writeRtoMs: 250, lostRows: 0, rpoMs: 0 });
    expect(svgTimeline(result)).toContain('write-RTO 250 ms');
  });

  it('counts a loss acknowledged after the injection as split brain', async () => {
    const { topology, drill } = await setup();
    const writes = syntheticRun('w', '.'.repeat(20), { start: START, rate: 10 });
    const result = evaluateDrill({
      drill,
      topology,
      runs: [syntheticRun('journey-fresh', '....', { start: START })],
      writer: { run: writes, present: Array.from({ length: 15 }, (_, i) => i) },
      startedAt: START,
      endedAt: START + 2_000,
      faultStart: START + 500,
      faultEnd: START + 1_900,
      phases: [{ phase: 'hold', at: START + 600 }],
    });
    expect(result.rpo).toMatchObject({ lostSeqs: [15, 16, 17, 18, 19], lostAfterFault: 5 });
    expect(markdownReport(result)).toContain('5 row(s) acknowledged after the fault were lost');
  });
});
