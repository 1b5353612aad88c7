import { OciNetworkError } from '../errors.js';
import { retryToken } from '../model/ownership.js';
import { isNotFound } from './api-call.js';

const DEAD = new Set(['TERMINATING', 'TERMINATED', 'DETACHING', 'DETACHED', 'DELETING', 'DELETED']);

/**
 * Creates with a deterministic `opc-retry-token`. OCI answers a repeated token with the original response for
 * 24 h, so a create retried after a lost response or a killed process returns the same resource. If that
 * resource has since been deleted (destroy, then apply again within 24 h), the token is salted with the dead
 * resource's id and the create is sent again.
 */
export async function createIdempotent<T extends { id: string; lifecycleState?: string }>(
  what: string,
  tokenParts: readonly string[],
  create: (token: string) => Promise<T>,
  read: (id: string) => Promise<{ lifecycleState?: string }>,
): Promise<T> {
  let salt: string | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const created = await create(retryToken(tokenParts, salt));
    let state: string | undefined;
    try {
      state = (await read(created.id)).lifecycleState;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      state = 'DELETED';
    }
    if (state === undefined || !DEAD.has(state)) return created;
    salt = created.id;
  }
  throw new OciNetworkError('OCI_API_ERROR', `${what}: the retry token keeps returning deleted resources`);
}
