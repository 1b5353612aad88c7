/** Tiny Markdown helpers for the generated docs (text only; manifests always go through the serializer). */

export function codeBlock(lines: readonly string[], language = 'sh'): string {
  return ['```' + language, ...lines, '```'].join('\n');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Joins blocks with one blank line and ends with a newline. */
export function document(blocks: readonly string[]): string {
  return `${blocks.join('\n\n')}\n`;
}
