import type { z } from 'zod';
import type { Finding } from './checks/finding.js';
import type { DocPath } from './path.js';

type ZodIssue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value);
  return `${typeof value} ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}`;
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/** Turns zod's issues into findings that say what is wrong and what would be right. */
export function schemaFindings(issues: readonly ZodIssue[]): Finding[] {
  return issues.flatMap((issue): Finding[] => {
    const path: DocPath = toPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          severity: 'error',
          rule: 'schema',
          path: [...path, key],
          message: `unknown field "${key}"`,
          hint: 'remove it or fix its spelling (okemesh schema lists every field)',
        }));
      case 'invalid_type': {
        const input = (issue as { input?: unknown }).input;
        if (input === undefined) {
          return [
            {
              severity: 'error',
              rule: 'schema',
              path,
              message: `required field is missing`,
              hint: `add ${String(path.at(-1))} (${issue.expected})`,
            },
          ];
        }
        return [
          {
            severity: 'error',
            rule: 'schema',
            path,
            message: `expected ${issue.expected}, got ${describeValue(input)}`,
            hint: `write a ${issue.expected} here`,
          },
        ];
      }
      case 'invalid_value':
        if ((issue as { input?: unknown }).input === undefined) {
          return [
            {
              severity: 'error',
              rule: 'schema',
              path,
              message: 'required field is missing',
              hint: `add ${String(path.at(-1))}: ${issue.values.map((v) => String(v)).join(' | ')}`,
            },
          ];
        }
        return [
          {
            severity: 'error',
            rule: 'schema',
            path,
            message: `${describeValue((issue as { input?: unknown }).input)} is not allowed`,
            hint: `use one of: ${issue.values.map((v) => String(v)).join(', ')}`,
          },
        ];
      case 'invalid_union': {
        const note = (issue as { note?: string }).note;
        return [
          {
            severity: 'error',
            rule: 'schema',
            path,
            message: note === 'No matching discriminator' ? 'unknown or missing mode' : issue.message,
            hint: 'set mode: active-active (with weights) or mode: active-passive (with regions)',
          },
        ];
      }
      default:
        return [{ severity: 'error', rule: 'schema', path, message: issue.message }];
    }
  });
}
