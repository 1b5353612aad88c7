import type { DrillResult } from './result.js';

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** JUnit XML for CI: one test case per SLO check; an aborted or broken drill is one error case. */
export function junitReport(result: DrillResult): string {
  const seconds = ((result.endedAt - result.startedAt) / 1000).toFixed(3);
  const cases = result.checks.map((check) => {
    const open = `    <testcase classname="okemesh.drill.${escapeXml(result.drill)}" name="${escapeXml(check.slo)}" time="${seconds}">`;
    const body = check.pass
      ? ''
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
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export { escapeXml };
