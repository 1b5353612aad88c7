import { escapeXml } from './junit.js';
import type { DrillResult } from './result.js';

const WIDTH = 900;
const ROW = 90;
const LEFT = 140;
const RIGHT = 20;
const TOP = 48;
const COLORS = ['#2b6cb0', '#2f855a', '#b7791f', '#6b46c1', '#c53030'];

/**
 * SVG timeline: per probe, success ratio (filled area) and p99 latency (line) over time, with the fault
 * window shaded and the recovery point (S) of each probe marked.
 */
export function svgTimeline(result: DrillResult): string {
  const t0 = result.startedAt;
  const span = Math.max(1, result.endedAt - t0);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (t: number) => (LEFT + ((t - t0) / span) * plotWidth).toFixed(1);
  const height = TOP + result.timelines.length * ROW + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(`drill ${result.drill}: ${result.outcome}`)}</title>`,
    `<text x="${LEFT}" y="18" font-size="13" font-weight="bold">${escapeXml(`${result.drill}: ${result.outcome.toUpperCase()}`)}</text>`,
    `<text class="slos" x="${LEFT}" y="36" fill="#4a5568">${escapeXml(result.checks.map((c) => `${c.pass ? '✔' : '✘'} ${c.detail}`).join('   '))}</text>`,
  ];
  if (result.faultStart !== null) {
    const end = result.faultEnd ?? result.endedAt;
    parts.push(
      `<rect class="fault" x="${x(result.faultStart)}" y="${TOP}" width="${(Number(x(end)) - Number(x(result.faultStart))).toFixed(1)}" height="${result.timelines.length * ROW}" fill="#fed7d7" opacity="0.6"><title>fault injected</title></rect>`,
    );
  }
  result.timelines.forEach((line, i) => {
    const top = TOP + i * ROW;
    const bottom = top + ROW - 20;
    const color = COLORS[i % COLORS.length] ?? '#2b6cb0';
    const maxP99 = Math.max(1, ...line.buckets.map((b) => b.p99Ms ?? 0));
    const area = line.buckets
      .map((b) => `${x(b.t)},${(bottom - b.success * (ROW - 25)).toFixed(1)}`)
      .join(' ');
    const latency = line.buckets
      .filter((b) => b.p99Ms !== null)
      .map((b) => `${x(b.t)},${(bottom - ((b.p99Ms ?? 0) / maxP99) * (ROW - 25)).toFixed(1)}`)
      .join(' ');
    parts.push(
      `<text x="4" y="${top + 14}">${escapeXml(line.probe)}</text>`,
      `<text x="4" y="${top + 28}" fill="#718096">p99 max ${maxP99.toFixed(1)} ms</text>`,
      `<line x1="${LEFT}" y1="${bottom}" x2="${WIDTH - RIGHT}" y2="${bottom}" stroke="#a0aec0"/>`,
      `<polyline class="success" points="${area}" fill="none" stroke="${color}" stroke-width="1.5"><title>success ratio</title></polyline>`,
    );
    if (latency)
      parts.push(
        `<polyline class="latency" points="${latency}" fill="none" stroke="#718096" stroke-dasharray="3 2"><title>p99 latency</title></polyline>`,
      );
    const loss = result.rpo?.writer === line.probe ? result.rpo.lossWindow : null;
    if (result.rpo && loss) {
      const width = Math.max(1, Number(x(loss.to)) - Number(x(loss.from)));
      parts.push(
        `<rect class="data-loss" x="${x(loss.from)}" y="${top}" width="${width.toFixed(1)}" height="${ROW - 20}" fill="#c53030" opacity="0.35"><title>${escapeXml(`acknowledged writes lost: RPO ${Math.round(result.rpo.rpoMs)} ms ± ${Math.round(result.rpo.boundMs)} ms`)}</title></rect>`,
      );
    }
    const writesBack =
      result.rpo?.writer === line.probe && result.rpo.writeRtoMs && result.faultStart !== null
        ? result.faultStart + result.rpo.writeRtoMs
        : null;
    if (writesBack !== null)
      parts.push(
        `<line class="writes-recovered" x1="${x(writesBack)}" y1="${top}" x2="${x(writesBack)}" y2="${bottom}" stroke="#2f855a" stroke-width="2" stroke-dasharray="4 2"><title>${escapeXml(`writes accepted again: write-RTO ${Math.round(result.rpo?.writeRtoMs ?? 0)} ms`)}</title></line>`,
      );
    const recovery = result.recoveries.find((r) => r.probe === line.probe)?.sustainedSuccess;
    if (recovery !== null && recovery !== undefined) {
      parts.push(
        `<line class="recovered" x1="${x(recovery)}" y1="${top}" x2="${x(recovery)}" y2="${bottom}" stroke="#2f855a" stroke-width="2"><title>recovered (S)</title></line>`,
      );
    }
  });
  parts.push(
    `<text x="${LEFT}" y="${height - 8}" fill="#718096">0 s</text>`,
    `<text x="${WIDTH - RIGHT - 40}" y="${height - 8}" fill="#718096">${(span / 1000).toFixed(1)} s</text>`,
    '</svg>',
    '',
  );
  return parts.join('\n');
}
