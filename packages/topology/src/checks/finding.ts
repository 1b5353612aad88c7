import type { DocPath } from '../path.js';

/** A semantic check's result before the loader attaches file positions. */
export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly rule: string;
  readonly path: DocPath;
  readonly message: string;
  readonly hint?: string;
}

export const error = (rule: string, path: DocPath, message: string, hint?: string): Finding =>
  hint === undefined
    ? { severity: 'error', rule, path, message }
    : { severity: 'error', rule, path, message, hint };

export const warning = (rule: string, path: DocPath, message: string, hint?: string): Finding =>
  hint === undefined
    ? { severity: 'warning', rule, path, message }
    : { severity: 'warning', rule, path, message, hint };
