import { z } from 'zod';
import { comparators } from '../probe/promql-prober.js';
import { faultSchema } from './fault-schema.js';
import { duration, name } from './primitives.js';
import { writerSchema } from './writer-schema.js';

export const DRILL_API_VERSION = 'okemesh.io/v1alpha1';
export const DRILL_KIND = 'Drill';
export const scenarioNames = [
  'ingress-failure',
  'east-west-failure',
  'database-failover',
  'full-region',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

const httpProbe = z.strictObject({
  type: z.literal('http'),
  name,
  url: z.url({ protocol: /^https?$/ }),
  rate: z.number().gt(0).max(10_000).default(20),
  mode: z.enum(['fresh', 'keepalive']).default('fresh'),
  timeout: duration.default('1s'),
  dnsServer: z
    .string()
    .regex(/^[^:\s]+(:\d+)?$/, 'must be host or host:port')
    .optional()
    .describe('Resolve through this DNS server'),
});

const dnsProbe = z.strictObject({
  type: z.literal('dns'),
  name,
  hostname: z.string().min(1).optional().describe('Defaults to the topology spec.dns.domain'),
  server: z
    .string()
    .regex(/^[^:\s]+(:\d+)?$/, 'must be host or host:port')
    .optional(),
  rate: z.number().gt(0).max(1_000).default(10),
  timeout: duration.default('1s'),
  expect: z.array(z.string()).default([]).describe('If set, every answer must be one of these'),
  avoid: z
    .array(z.string())
    .default([])
    .describe("Answers that count as failure (the failed region's address)"),
});

const kubeReadyProbe = z.strictObject({
  type: z.literal('kube-ready'),
  name,
  cluster: name.describe('A cluster of the topology'),
  namespace: name,
  deployment: name,
  minReady: z.int().min(1).default(1),
  rate: z.number().gt(0).max(50).default(2),
  timeout: duration.default('2s'),
});

const promqlProbe = z.strictObject({
  type: z.literal('promql'),
  name,
  url: z.url({ protocol: /^https?$/ }).describe('Prometheus base URL'),
  query: z.string().min(1),
  comparator: z.enum(comparators),
  threshold: z.number(),
  rate: z.number().gt(0).max(50).default(1),
  timeout: duration.default('2s'),
});

export const probeSpecSchema = z.discriminatedUnion('type', [
  httpProbe,
  dnsProbe,
  kubeReadyProbe,
  promqlProbe,
]);

export const drillSchema = z
  .strictObject({
    apiVersion: z.literal(DRILL_API_VERSION),
    kind: z.literal(DRILL_KIND),
    metadata: z.strictObject({ name }),
    spec: z.strictObject({
      description: z.string().optional(),
      scenario: z.enum(scenarioNames).optional().describe('Built-in scenario the drill was expanded from'),
      steadyState: z
        .strictObject({
          duration: duration.default('60s').describe('Probes must be healthy this long before the fault'),
          minSuccess: z.number().min(0).max(100).default(99),
        })
        .prefault({}),
      probes: z.array(probeSpecSchema).min(1),
      faults: z.array(faultSchema).min(1),
      writer: writerSchema.optional().describe('RPO sequence writer (database drills)'),
      hold: duration.default('60s').describe('How long the fault stays injected'),
      maxDuration: duration.default('10m').describe('Hard cap: the drill aborts and rolls back after it'),
      recovery: z.strictObject({ sustain: duration.default('5s') }).prefault({}),
      abort: z
        .strictObject({
          successBelow: z
            .number()
            .min(0)
            .max(100)
            .describe('Abort when a guard probe falls below this success % over window'),
          window: duration.default('10s'),
          probes: z.array(name).min(1).describe('Guard probes (e.g. the region that must stay up)'),
        })
        .optional(),
      verdict: z
        .strictObject({
          rto: z.enum(['rto', 'dnsFailover']).default('rto'),
          availability: z.boolean().default(false),
        })
        .prefault({}),
    }),
  })
  .describe('okemesh drill: probes, faults, abort rules and verdict, measured against the topology SLOs');

export type Drill = z.infer<typeof drillSchema>;
export type DrillInput = z.input<typeof drillSchema>;
export type ProbeSpec = z.infer<typeof probeSpecSchema>;
