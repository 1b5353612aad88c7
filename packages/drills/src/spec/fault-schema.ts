import { z } from 'zod';
import { blastRadius, duration, labelSelector, name } from './primitives.js';

const inCluster = { cluster: name.describe('A cluster of the topology (spec.clusters[].name)') };

export const deletePodsFault = z.strictObject({
  type: z.literal('delete-pods'),
  ...inCluster,
  namespace: name,
  selector: labelSelector,
  radius: blastRadius,
  gracePeriodSeconds: z.int().min(0).default(0),
});

export const scaleDeploymentFault = z.strictObject({
  type: z.literal('scale-deployment'),
  ...inCluster,
  namespace: name,
  name: name.describe('Deployment scaled to 0; the recorded replicas (and HPA minReplicas) are restored'),
});

export const eastWestGatewayFault = z.strictObject({
  type: z.literal('eastwest-gateway-down'),
  ...inCluster,
  namespace: name.default('istio-system'),
  name: name.default('istio-eastwestgateway'),
});

export const istioAbortFault = z.strictObject({
  type: z.literal('istio-abort'),
  ...inCluster,
  service: name.describe('A service of the topology (spec.services[].name)'),
  httpStatus: z.int().min(400).max(599).default(503),
  percentage: z
    .number()
    .gt(0)
    .max(100)
    .default(100)
    .describe('Istio aborts nothing when percentage is omitted'),
});

export const cutEastWestFault = z.strictObject({
  type: z.literal('cut-eastwest'),
  ...inCluster,
  namespace: name.default('istio-system'),
  port: z.int().min(1).max(65535).default(15443),
});

export const cordonNodesFault = z.strictObject({
  type: z.literal('cordon-nodes'),
  ...inCluster,
  selector: labelSelector.optional(),
  radius: blastRadius,
});

export const commandFault = z.strictObject({
  type: z.literal('command'),
  inject: z.array(z.string()).min(1).describe('argv run to inject the fault (no shell)'),
  revert: z.array(z.string()).min(1).describe('argv run to revert it; must be idempotent'),
});

const adbTarget = z
  .enum(['primary', 'standby'])
  .default('standby')
  .describe('Which topology database becomes primary');

export const adbSwitchoverFault = z.strictObject({ type: z.literal('adb-switchover'), database: adbTarget });
export const adbFailoverFault = z.strictObject({ type: z.literal('adb-failover'), database: adbTarget });

export const postgresPromoteFault = z
  .strictObject({
    type: z.literal('postgres-promote'),
    wait: duration.default('60s').describe('How long pg_promote waits for the standby to finish recovery'),
  })
  .describe(
    "Promotes spec.writer's PostgreSQL standby with pg_promote() (unplanned failover; not reverted: rebuild the old primary as a standby)",
  );

export const faultSchema = z.discriminatedUnion('type', [
  deletePodsFault,
  scaleDeploymentFault,
  eastWestGatewayFault,
  istioAbortFault,
  cutEastWestFault,
  cordonNodesFault,
  commandFault,
  adbSwitchoverFault,
  adbFailoverFault,
  postgresPromoteFault,
]);

export type Fault = z.infer<typeof faultSchema>;
export type FaultType = Fault['type'];
export type KubeFault = Exclude<
  Fault,
  { type: 'command' | 'adb-switchover' | 'adb-failover' | 'postgres-promote' }
>;
