import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseManifests } from '../../src/parse.js';
import type { LintDocument } from '../../src/lint/lint.js';

const runbook = fileURLToPath(
  new URL('../../../../../shared/seed/oke-multicluster-runbook.md', import.meta.url),
);

/** The runbook's ```yaml blocks as documents, each named after its `# File:` comment (else runbook-block-<n>.yaml). */
export function runbookDocuments(): LintDocument[] {
  const text = readFileSync(runbook, 'utf8');
  const blocks = [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks.flatMap((block, i) => {
    const name = /^# File: (\S+)/m.exec(block)?.[1] ?? `runbook-block-${i}.yaml`;
    return parseManifests(block, name).documents;
  });
}
