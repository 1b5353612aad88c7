import type { LineCounter } from 'yaml';
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { DocPath } from './path.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds where a path lives in the YAML source. For a path that does not exist (a missing key) it
 * returns the deepest ancestor that does, so every issue still points somewhere useful.
 */
export class SourceMap {
  constructor(
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  locate(path: DocPath): Position {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node) ?? 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && scalarValue(item.key) === String(key));
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
        // Point at the value when there is one, so `vcn.cidr: 10.0.0.0/16` marks the CIDR.
        offset = rangeStart(node) ?? offset;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /** Position of a byte offset (for parser errors). */
  at(offset: number): Position {
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

function scalarValue(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
