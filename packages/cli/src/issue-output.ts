import type { TopologyIssue } from '@okemesh/topology';
import { plainText } from './error-translator.js';
import { paint, type Io } from './io.js';

/** At most this many located issues are printed; a binary file must not flood the terminal. */
const MAX_ISSUES = 20;
/** Echoed input in one issue is capped at this many characters. */
const MAX_ISSUE_TEXT = 400;

/** Prints located topology issues, coloured by severity, escaped and capped. */
export async function printIssues(io: Io, issues: readonly TopologyIssue[]): Promise<void> {
  const { formatIssue } = await import('@okemesh/topology');
  for (const issue of issues.slice(0, MAX_ISSUES)) {
    const colour = issue.severity === 'error' ? 'red' : 'yellow';
    const [head = '', ...rest] = plainText(formatIssue(issue), MAX_ISSUE_TEXT).split('\n');
    io.stderr(
      `${paint(io, colour, head)}\n${rest.map((l) => paint(io, 'dim', l)).join('\n')}${rest.length ? '\n' : ''}`,
    );
  }
  if (issues.length > MAX_ISSUES) io.stderr(`… and ${issues.length - MAX_ISSUES} more issues\n`);
}
