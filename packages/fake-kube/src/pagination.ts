import { FakeKubeError } from './errors.js';
import { objectKey } from './object.js';
import type { StoredObject } from './object.js';

export interface Page {
  readonly items: readonly StoredObject[];
  /** Opaque token for the next page; `undefined` on the last page. */
  readonly continueToken: string | undefined;
  readonly remainingItemCount: number | undefined;
}

function keyOf(object: StoredObject): string {
  return objectKey(object.metadata.namespace, object.metadata.name);
}

function decodeToken(token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { start?: unknown }).start === 'string'
    ) {
      return (parsed as { start: string }).start;
    }
  } catch {
    // fall through to the error below
  }
  throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', `continue key is not valid: ${token}`);
}

/**
 * Cuts a page out of a sorted list. The continue token names the last key returned, so objects created or
 * deleted between pages shift the window the way etcd's key-ordered pagination does.
 */
export function paginate(
  sorted: readonly StoredObject[],
  limit: number | undefined,
  token: string | undefined,
): Page {
  const after = token === undefined || token === '' ? undefined : decodeToken(token);
  const rest = after === undefined ? sorted : sorted.filter((o) => keyOf(o) > after);
  if (limit === undefined || limit <= 0 || rest.length <= limit) {
    return { items: rest, continueToken: undefined, remainingItemCount: undefined };
  }
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  const continueToken =
    last === undefined
      ? undefined
      : Buffer.from(JSON.stringify({ start: keyOf(last) })).toString('base64url');
  return { items, continueToken, remainingItemCount: rest.length - limit };
}

export function parseLimit(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', `invalid limit: ${value}`);
  return n;
}
