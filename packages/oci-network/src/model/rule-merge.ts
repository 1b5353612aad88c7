import { OciNetworkError } from '../errors.js';
import { isOwnedRule, ruleMarker } from './ownership.js';

/** A VCN route rule as the API returns it (only the fields okemesh reads or writes). */
export interface RouteRuleShape {
  readonly destination?: string;
  readonly destinationType?: string;
  readonly networkEntityId: string;
  readonly description?: string;
  readonly cidrBlock?: string;
}

/** A security-list ingress rule (TCP only is written by okemesh; others are carried through untouched). */
export interface IngressRuleShape {
  readonly protocol: string;
  readonly source: string;
  readonly sourceType?: string;
  readonly isStateless?: boolean;
  readonly tcpOptions?: { readonly destinationPortRange?: { readonly min: number; readonly max: number } };
  readonly description?: string;
}

export interface Merge<T> {
  readonly rules: readonly T[];
  readonly added: readonly T[];
  readonly removed: readonly T[];
}

export function routeRule(mesh: string, destination: string, drgId: string, peer: string): RouteRuleShape {
  return {
    destination,
    destinationType: 'CIDR_BLOCK',
    networkEntityId: drgId,
    description: `${ruleMarker(mesh)} route to ${peer}`,
  };
}

export function ingressRule(mesh: string, source: string, port: number, why: string): IngressRuleShape {
  return {
    protocol: '6',
    source,
    sourceType: 'CIDR_BLOCK',
    isStateless: false,
    tcpOptions: { destinationPortRange: { min: port, max: port } },
    description: `${ruleMarker(mesh)} ${port}/TCP: ${why}`.slice(0, 255),
  };
}

const destinationOf = (rule: RouteRuleShape) => rule.destination ?? rule.cidrBlock ?? '';

/**
 * Merges desired okemesh route rules into a table's rules. Rules okemesh does not own are always kept; owned rules
 * no longer desired are removed; a foreign rule that already sends a destination to the same DRG satisfies it,
 * and one that sends it elsewhere is a conflict (OCI rejects two rules for one destination).
 */
export function mergeRouteRules(
  mesh: string,
  existing: readonly RouteRuleShape[],
  desired: readonly RouteRuleShape[],
): Merge<RouteRuleShape> {
  const wanted = new Map(desired.map((r) => [destinationOf(r), r]));
  const kept: RouteRuleShape[] = [];
  const removed: RouteRuleShape[] = [];
  const satisfied = new Set<string>();
  for (const rule of existing) {
    const destination = destinationOf(rule);
    const want = wanted.get(destination);
    if (!isOwnedRule(rule.description, mesh)) {
      if (want && rule.networkEntityId !== want.networkEntityId) {
        throw new OciNetworkError(
          'OCI_RULE_CONFLICT',
          `a route rule okemesh does not own already sends ${destination} to ${rule.networkEntityId}; remove it or route it via the DRG`,
        );
      }
      if (want) satisfied.add(destination);
      kept.push(rule);
    } else if (want && rule.networkEntityId === want.networkEntityId && !satisfied.has(destination)) {
      satisfied.add(destination);
      kept.push(rule);
    } else {
      removed.push(rule);
    }
  }
  const added = desired.filter((r) => !satisfied.has(destinationOf(r)));
  return { rules: [...kept, ...added], added, removed };
}

function ingressKey(rule: IngressRuleShape): string {
  const range = rule.tcpOptions?.destinationPortRange;
  return `${rule.protocol}|${rule.source}|${range ? `${range.min}-${range.max}` : '*'}`;
}

/** Like {@link mergeRouteRules} for security-list ingress: foreign rules stay, identical foreign rules satisfy. */
export function mergeIngressRules(
  mesh: string,
  existing: readonly IngressRuleShape[],
  desired: readonly IngressRuleShape[],
): Merge<IngressRuleShape> {
  const wanted = new Set(desired.map(ingressKey));
  const kept: IngressRuleShape[] = [];
  const removed: IngressRuleShape[] = [];
  const satisfied = new Set<string>();
  for (const rule of existing) {
    const key = ingressKey(rule);
    if (!isOwnedRule(rule.description, mesh)) {
      if (wanted.has(key) && !rule.isStateless) satisfied.add(key);
      kept.push(rule);
    } else if (wanted.has(key) && !satisfied.has(key)) {
      satisfied.add(key);
      kept.push(rule);
    } else {
      removed.push(rule);
    }
  }
  const added = desired.filter((r) => !satisfied.has(ingressKey(r)));
  return { rules: [...kept, ...added], added, removed };
}

/** Removes every rule okemesh owns (destroy), keeping the rest in order. */
export function withoutOwned<T extends { readonly description?: string }>(
  mesh: string,
  rules: readonly T[],
): Merge<T> {
  const removed = rules.filter((r) => isOwnedRule(r.description, mesh));
  return { rules: rules.filter((r) => !isOwnedRule(r.description, mesh)), added: [], removed };
}

export { ingressKey };
