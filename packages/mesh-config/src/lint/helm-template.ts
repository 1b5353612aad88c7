import type { SourcePosition } from '../parse.js';

/** `key: |` / `- >-` and friends: the lines after it, indented deeper, are literal text. */
const blockScalarStart = /(?:^|[:-]\s+|^\s*-\s*)[|>][1-9]?[+-]?[1-9]?\s*(?:#.*)?$/;
/** A template action where YAML structure goes: a whole line (`{{- if … }}`) or an unquoted value / item. */
const actionAtLineStart = /^(\s*)\{\{/;
const actionAsValue = /^(\s*(?:-\s+)*(?:[^\s#'"{][^#'"]*?:\s+|-\s+))\{\{/;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * Where a file uses Helm/Go template syntax in YAML structure (`{{ .Values.x }}` as a value, `{{- if }}` lines),
 * i.e. it is a chart template, not a manifest. `{{ }}` inside quoted strings and block scalars (Prometheus alert
 * text, for instance) is ordinary data and not reported.
 */
export function helmTemplatePosition(text: string): SourcePosition | undefined {
  if (!text.includes('{{')) return undefined;
  const lines = text.split('\n');
  let blockIndent = -1;
  for (const [i, line] of lines.entries()) {
    if (blockIndent >= 0) {
      if (line.trim() === '' || indentOf(line) > blockIndent) continue;
      blockIndent = -1;
    }
    const match = actionAtLineStart.exec(line) ?? actionAsValue.exec(line);
    if (match) return { line: i + 1, column: (match[1]?.length ?? 0) + 1 };
    if (blockScalarStart.test(line)) blockIndent = indentOf(line);
  }
  return undefined;
}
