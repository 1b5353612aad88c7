import type { Topology } from '@okemesh/topology';
import type { RegionEndpoint } from './dns-endpoints.js';
import { ownershipTags } from './ownership.js';

export interface SteeringAnswer {
  readonly name: string;
  readonly rtype: 'A' | 'AAAA' | 'CNAME';
  readonly rdata: string;
  readonly pool: string;
  readonly isDisabled?: boolean;
}

export type SteeringRule =
  | {
      readonly ruleType: 'FILTER';
      readonly defaultAnswerData: readonly {
        readonly answerCondition: string;
        readonly shouldKeep: boolean;
      }[];
    }
  | { readonly ruleType: 'HEALTH' }
  | {
      readonly ruleType: 'PRIORITY';
      readonly defaultAnswerData: readonly { readonly answerCondition: string; readonly value: number }[];
    }
  | { readonly ruleType: 'LIMIT'; readonly defaultCount: number };

/** The body of CreateSteeringPolicyDetails okemesh sends (compartment added at apply time). */
export interface SteeringPolicySpec {
  readonly displayName: string;
  readonly template: 'FAILOVER';
  readonly ttl: number;
  readonly healthCheckMonitorId?: string;
  readonly answers: readonly SteeringAnswer[];
  readonly rules: readonly SteeringRule[];
  readonly freeformTags: Readonly<Record<string, string>>;
}

export function steeringPolicyName(topology: Topology): string {
  return `okemesh-${topology.metadata.name}-failover`;
}

/**
 * FAILOVER steering: FILTER (drop disabled answers) → HEALTH (drop answers the monitor sees down) → PRIORITY
 * (primary region first, by pool) → LIMIT 1 (serve one region). One answer and one pool per region.
 */
export function failoverSteeringPolicy(
  topology: Topology,
  endpoints: readonly RegionEndpoint[],
  healthCheckMonitorId?: string,
): SteeringPolicySpec {
  const answers = endpoints.map((e) => ({
    name: e.region,
    rtype: e.rtype,
    rdata: e.address,
    pool: e.region,
  }));
  const rules: SteeringRule[] = [
    {
      ruleType: 'FILTER',
      defaultAnswerData: [{ answerCondition: 'answer.isDisabled != true', shouldKeep: true }],
    },
    ...(healthCheckMonitorId === undefined ? [] : [{ ruleType: 'HEALTH' as const }]),
    {
      ruleType: 'PRIORITY',
      defaultAnswerData: endpoints.map((e, index) => ({
        answerCondition: `answer.pool == '${e.region}'`,
        value: index + 1,
      })),
    },
    { ruleType: 'LIMIT', defaultCount: 1 },
  ];
  return {
    displayName: steeringPolicyName(topology),
    template: 'FAILOVER',
    ttl: topology.spec.dns?.ttl ?? 30,
    ...(healthCheckMonitorId === undefined ? {} : { healthCheckMonitorId }),
    answers,
    rules,
    freeformTags: ownershipTags(topology.metadata.name, 'steering-policy'),
  };
}
