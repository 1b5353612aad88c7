import { OciNetworkError } from '../errors.js';
import type { Merge } from '../model/rule-merge.js';
import { apiCall, statusOf } from './api-call.js';

/**
 * Read-modify-write of a replace-whole-array resource (route table, security list): GET with etag, merge,
 * PUT with `if-match`; on 412 NoEtagMatch (someone else wrote in between) read again and re-merge.
 * Returns the merge of the last read, so callers can report what changed.
 */
export async function readModifyWrite<S, R>(
  what: string,
  read: () => Promise<{ state: S; etag: string | undefined }>,
  merge: (state: S) => Merge<R>,
  write: (rules: readonly R[], etag: string | undefined) => Promise<unknown>,
  apply: boolean,
): Promise<Merge<R>> {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const { state, etag } = await read();
    const merged = merge(state);
    if (!apply || (merged.added.length === 0 && merged.removed.length === 0)) return merged;
    try {
      await apiCall(`update ${what}`, () => write(merged.rules, etag));
      return merged;
    } catch (error) {
      if (statusOf(error) !== 412) throw error;
    }
  }
  throw new OciNetworkError('OCI_API_ERROR', `${what}: kept changing under okemesh (5 × 412 NoEtagMatch)`);
}
