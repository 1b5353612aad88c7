import { iso } from '../clock.js';
import type { DrillResult } from './result.js';

const fmt = (ms: number | null, bound?: number) =>
  ms === null
    ? 'not observed'
    : `${(ms / 1000).toFixed(3)} s${bound === undefined ? '' : ` ± ${bound.toFixed(0)} ms`}`;

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The human summary of a drill: verdict, SLO table, recovery per probe, RPO, probes and phases. */
export function markdownReport(result: DrillResult): string {
  const lines: string[] = [
    `# Drill ${result.drill}: ${result.outcome.toUpperCase()}`,
    '',
    `- topology: \`${result.topology}\`${result.scenario ? `, scenario \`${result.scenario}\`` : ''}`,
    `- started ${iso(result.startedAt)}, ended ${iso(result.endedAt)}`,
    `- fault injected ${result.faultStart === null ? 'never' : iso(result.faultStart)}, reverted ${result.faultEnd === null ? 'never' : iso(result.faultEnd)}`,
    `- ${cell(result.reason)}`,
    '',
    '## SLO verdict',
    '',
    '| SLO | objective | measured | result | detail |',
    '|---|---|---|---|---|',
    ...result.checks.map((c) => {
      const unit = c.unit === 'ms' ? ' ms' : ' %';
      const measured = c.measured === null ? 'n/a' : `${Math.round(c.measured * 1000) / 1000}${unit}`;
      return `| ${c.slo} | ${c.objective}${unit} | ${measured} | ${c.pass ? 'PASS' : 'FAIL'} | ${cell(c.detail)} |`;
    }),
    '',
    '## Recovery per probe',
    '',
    '| probe | RTO | outage | time to last error | flaps | failed slots |',
    '|---|---|---|---|---|---|',
    ...result.recoveries.map(
      (r) =>
        `| ${cell(r.probe)} | ${fmt(r.rtoMs, r.resolutionMs)} | ${fmt(r.outageMs, r.resolutionMs)} | ${fmt(r.timeToLastErrorMs)} | ${r.flaps} | ${r.failedSlots} |`,
    ),
  ];
  if (result.rpo) {
    const r = result.rpo;
    lines.push(
      '',
      '## Data (RPO)',
      '',
      `- RPO ${fmt(r.rpoMs, r.boundMs)} (bound = 1/${r.writeRate} writes/s + clock error ${r.clockErrorMs.toFixed(1)} ms), write-RTO ${fmt(r.writeRtoMs)}`,
      `- acknowledged writes ${r.acknowledged}, lost ${r.lostRows}${r.lostRows ? ` (seq ${r.lostSeqs.slice(0, 10).join(', ')}${r.lostSeqs.length > 10 ? ', …' : ''})` : ''}, indeterminate ${r.indeterminate}`,
      `- last acknowledged before the fault: seq ${r.lastAckedBeforeFault ?? 'none'}; last surviving before the loss: seq ${r.lastSurviving ?? 'none'}; highest present: seq ${r.maxPresent ?? 'none'}`,
      ...(r.expectedLagMs === null
        ? []
        : [`- replication lag reported just before the fault (expected RPO): ${fmt(r.expectedLagMs)}`]),
      ...(r.lostAfterFault > 0
        ? [
            `- **${r.lostAfterFault} row(s) acknowledged after the fault were lost**: the old primary kept accepting writes (split brain)`,
          ]
        : []),
    );
  }
  lines.push(
    '',
    '## Probes',
    '',
    '| probe | mode | rate | slots | ok | failed | availability | p99 raw | p99 corrected |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const p of result.probes) {
    lines.push(
      `| ${cell(p.name)} | ${p.mode ?? p.kind} | ${p.rate}/s | ${p.slots} | ${p.ok} | ${p.failed} | ${p.availability.toFixed(3)} % | ${p.latency.raw.p99} ms | ${p.latency.corrected.p99} ms |`,
    );
  }
  lines.push('', '## Phases', '', ...result.phases.map((p) => `- ${iso(p.at)} ${p.phase}`));
  if (result.warnings.length) lines.push('', '## Warnings', '', ...result.warnings.map((w) => `- ${w}`));
  return `${lines.join('\n')}\n`;
}
