import type { ProbeSummary } from '@okemesh/drills';
import { paint, type Io } from '../io.js';

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** The human report of `okemesh probe`: counts, latency (raw and CO-corrected) and every outage window. */
export function formatProbeSummary(io: Io, summary: ProbeSummary): string {
  const { latency } = summary;
  const errors = Object.entries(summary.errors)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  const lines = [
    `${paint(io, 'bold', summary.target)} ${summary.mode ?? ''} @ ${summary.rate}/s for ${(summary.durationMs / 1000).toFixed(1)} s`,
    `  requests     ${summary.slots} slots, ${summary.sent} sent, ${summary.ok} ok, ${summary.failed} failed (${summary.unsent} unsent)`,
    `  availability ${summary.availability.toFixed(3)} %   actual rate ${summary.actualRate.toFixed(1)}/s`,
    `  errors       ${errors || 'none'}`,
    `  latency raw  p50 ${ms(latency.raw.p50)}  p90 ${ms(latency.raw.p90)}  p99 ${ms(latency.raw.p99)}  p99.9 ${ms(latency.raw.p999)}  max ${ms(latency.raw.max)}`,
    `  corrected    p50 ${ms(latency.corrected.p50)}  p90 ${ms(latency.corrected.p90)}  p99 ${ms(latency.corrected.p99)}  p99.9 ${ms(latency.corrected.p999)}  max ${ms(latency.corrected.max)}`,
    `  jitter       p50 ${ms(summary.jitter.p50)}  p99 ${ms(summary.jitter.p99)}  max ${ms(summary.jitter.max)}`,
  ];
  if (summary.outages.length === 0) {
    lines.push(`  outages      ${paint(io, 'green', 'none')}`);
  } else {
    lines.push(
      `  outages      ${paint(io, 'red', String(summary.outages.length))} (each boundary ± ${ms(summary.errorBoundMs)})`,
    );
    for (const outage of summary.outages) {
      const start = new Date(outage.start).toISOString();
      const end = outage.end === null ? 'not recovered' : new Date(outage.end).toISOString();
      lines.push(`    ${start} → ${end}  ${ms(outage.durationMs)}  (${outage.failedSlots} failed slots)`);
    }
  }
  return `${lines.join('\n')}\n`;
}
