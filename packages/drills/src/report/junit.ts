import type { DrillResult } from './result.js';

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** Measured RTO/RPO and their objectives as suite properties, so CI can chart them. */
function properties(result: DrillResult): string[] {
  const values: [string, number | null][] = result.checks.flatMap((c): [string, number | null][] => [
    [`${c.slo}.objective.${c.unit === 'ms' ? 'ms' : 'percent'}`, c.objective],
    [`${c.slo}.measured.${c.unit === 'ms' ? 'ms' : 'percent'}`, c.measured],
  ]);
  if (result.rpo) {
    values.push(['rpo.bound.ms', result.rpo.boundMs], ['rpo.lostRows', result.rpo.lostRows]);
    values.push(['rpo.writeRto.ms', result.rpo.writeRtoMs]);
  }
  if (values.length === 0) return [];
  const lines = values.map(
    ([name, value]) =>
      `      <property name="${escapeXml(name)}" value="${value === null ? 'n/a' : String(Math.round(value * 1000) / 1000)}"/>`,
  );
  return ['    <properties>', ...lines, '    </properties>'];
}

/** JUnit XML for CI: one test case per SLO check; an aborted or broken drill is one error case. */
export function junitReport(result: DrillResult): string {
  const seconds = ((result.endedAt - result.startedAt) / 1000).toFixed(3);
  const cases = result.checks.map((check) => {
    const open = `    <testcase classname="okemesh.drill.${escapeXml(result.drill)}" name="${escapeXml(check.slo)}" time="${seconds}">`;
    const body = check.pass
      ? `\n      <system-out>${escapeXml(check.detail)}</system-out>`
      : `\n      <failure message="${escapeXml(check.detail)}" type="SloBreached"/>`;
    return `${open}${body}\n    </testcase>`;
  });
  let errors = 0;
  if (result.outcome === 'aborted' || result.outcome === 'error') {
    errors = 1;
    cases.push(
      `    <testcase classname="okemesh.drill.${escapeXml(result.drill)}" name="drill" time="${seconds}">\n      <error message="${escapeXml(result.reason)}" type="${result.outcome === 'aborted' ? 'DrillAborted' : 'DrillError'}"/>\n    </testcase>`,
    );
  }
  const failures = result.checks.filter((c) => !c.pass).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="okemesh drills" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${seconds}">`,
    `  <testsuite name="${escapeXml(result.drill)}" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${seconds}" timestamp="${new Date(result.startedAt).toISOString()}">`,
    ...properties(result),
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export { escapeXml };
