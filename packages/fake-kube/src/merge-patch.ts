import { parse } from 'yaml';
import { FakeKubeError } from './errors.js';
import { applyJsonPatch } from './json-patch.js';
import { clone, isRecord } from './object.js';
import { strategicMerge } from './strategic-merge.js';

export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const;

export type PatchType = (typeof PATCH_TYPES)[number];

/** The patch type of a Content-Type; custom resources do not accept strategic merge patch (415). */
export function patchTypeOf(contentType: string | undefined, custom = false): PatchType {
  const bare = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const accepted = custom
    ? PATCH_TYPES.filter((t) => t !== 'application/strategic-merge-patch+json')
    : PATCH_TYPES;
  const found = accepted.find((t) => t === bare);
  if (found === undefined) {
    throw new FakeKubeError(
      'FAKE_KUBE_UNSUPPORTED_MEDIA_TYPE',
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    );
  }
  return found;
}

/** RFC 7386 JSON Merge Patch: objects merge recursively, `null` deletes, everything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return clone(patch);
  const result: Record<string, unknown> = isRecord(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) Reflect.deleteProperty(result, key);
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

/** Parses a request body for a patch type: YAML (a JSON superset) for apply, JSON for the others. */
export function parsePatchBody(type: PatchType, body: string): unknown {
  try {
    return type === 'application/apply-patch+yaml' ? parse(body) : JSON.parse(body);
  } catch (error) {
    throw new FakeKubeError(
      'FAKE_KUBE_BAD_REQUEST',
      `error decoding patch: ${(error as Error).message}`,
      undefined,
      { cause: error },
    );
  }
}

/**
 * Applies a parsed patch. Strategic merge patch merges the common keyed lists (see strategic-merge.ts);
 * server-side apply merges the applied configuration over the live object the same way for built-in kinds,
 * and like a merge patch (lists atomic) for custom resources.
 */
export function applyPatch(type: PatchType, current: unknown, patch: unknown, custom = false): unknown {
  switch (type) {
    case 'application/json-patch+json':
      return applyJsonPatch(current, patch);
    case 'application/merge-patch+json':
    case 'application/strategic-merge-patch+json':
    case 'application/apply-patch+yaml':
      if (!isRecord(patch)) throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', 'patch body must be an object');
      return type === 'application/merge-patch+json' || custom
        ? applyMergePatch(current, patch)
        : strategicMerge(current, patch);
  }
}
