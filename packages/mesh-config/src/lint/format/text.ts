import type { Finding } from '../finding.js';

const cluster = (f: Finding): string => (f.cluster === undefined ? '' : `[${f.cluster}] `);

/** istioctl-style lines (`Error [IST0101] (VirtualService ns/name file:line) message`) each followed by a fix hint. */
export function formatText(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${cluster(f)}${f.level} [${f.code}] (${f.resource} ${f.file}:${f.line}) ${f.message}`);
    lines.push(`  hint: ${f.hint}`);
  }
  const count = (level: Finding['level']) => findings.filter((f) => f.level === level).length;
  lines.push(
    findings.length === 0
      ? 'No problems found.'
      : `${findings.length} finding(s): ${count('Error')} error(s), ${count('Warning')} warning(s), ${count('Info')} info.`,
  );
  return `${lines.join('\n')}\n`;
}
