import { createHash } from 'node:crypto';

/** Freeform tag keys okemesh puts on everything it creates (OCI tag keys allow no dots). */
export const TAG_MANAGED_BY = 'okemesh-managed-by';
export const TAG_MESH = 'okemesh-mesh';
export const TAG_ROLE = 'okemesh-role';
export const TAG_PEER = 'okemesh-peer-region';
export const MANAGED_BY = 'okemesh';

export type OwnedRole =
  'drg' | 'drg-attachment' | 'rpc' | 'nsg' | 'health-monitor' | 'steering-policy' | 'iam-policy';

export function ownershipTags(mesh: string, role: OwnedRole, peerRegion?: string): Record<string, string> {
  return {
    [TAG_MANAGED_BY]: MANAGED_BY,
    [TAG_MESH]: mesh,
    [TAG_ROLE]: role,
    ...(peerRegion === undefined ? {} : { [TAG_PEER]: peerRegion }),
  };
}

/** True when `tags` mark a resource okemesh created for this mesh (and role, and peer when given). */
export function isOwned(
  tags: Readonly<Record<string, string>> | undefined,
  mesh: string,
  role: OwnedRole,
  peerRegion?: string,
): boolean {
  if (!tags || tags[TAG_MANAGED_BY] !== MANAGED_BY || tags[TAG_MESH] !== mesh || tags[TAG_ROLE] !== role)
    return false;
  return peerRegion === undefined || tags[TAG_PEER] === peerRegion;
}

/** Prefix of the `description` of every route and security rule okemesh adds; rules without it are never touched. */
export function ruleMarker(mesh: string): string {
  return `okemesh:${mesh}`;
}

export function isOwnedRule(description: string | undefined | null, mesh: string): boolean {
  return (
    typeof description === 'string' &&
    (description === ruleMarker(mesh) || description.startsWith(`${ruleMarker(mesh)} `))
  );
}

/**
 * Deterministic `opc-retry-token`: the same logical create gets the same token across runs, so a create whose
 * response was lost (timeout, killed process) is answered with the original resource instead of a duplicate.
 * `salt` (an earlier resource id) yields a fresh token when the cached one points at a deleted resource.
 */
export function retryToken(parts: readonly string[], salt?: string): string {
  const hash = createHash('sha256');
  hash.update(['okemesh', ...parts, ...(salt === undefined ? [] : [`salt:${salt}`])].join('|'));
  return hash.digest('hex').slice(0, 48);
}
