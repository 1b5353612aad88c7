import { z } from 'zod';
import { dns1123Label, duration } from './primitives.js';

export const portProtocols = ['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'TCP', 'TLS'] as const;

const portSchema = z.strictObject({
  name: dns1123Label.describe('Port name; Istio reads the protocol from its prefix (http-, grpc-, tcp-)'),
  number: z.int().min(1).max(65535),
  protocol: z.enum(portProtocols).default('HTTP'),
});

const activeActive = z.strictObject({
  mode: z.literal('active-active'),
  weights: z
    .record(z.string(), z.int().min(1).max(100))
    .describe('Share of traffic per region (1-100), summing to 100'),
});

const activePassive = z.strictObject({
  mode: z.literal('active-passive'),
  regions: z
    .array(z.string())
    .min(2)
    .describe('Regions in failover order: traffic stays in the first healthy one'),
});

export const failoverSchema = z.discriminatedUnion('mode', [activeActive, activePassive]);

/** Outlier detection defaults tuned for cross-region failover (see the package README). */
export const outlierDetectionSchema = z.strictObject({
  consecutive5xxErrors: z.int().min(0).default(5),
  interval: duration.default('10s'),
  baseEjectionTime: duration.default('30s'),
  maxEjectionPercent: z.int().min(0).max(100).default(100),
});

export const retriesSchema = z.strictObject({
  attempts: z.int().min(0).max(10).default(3),
  perTryTimeout: duration.default('2s'),
  retryOn: z.string().default('connect-failure,refused-stream,unavailable,cancelled,5xx'),
});

export const serviceSchema = z.strictObject({
  name: dns1123Label,
  namespace: dns1123Label,
  ports: z.array(portSchema).min(1),
  failover: failoverSchema,
  timeout: duration.default('10s').describe('Per-request timeout on the VirtualService'),
  connectTimeout: duration.default('3s').describe('TCP connect timeout; cross-region paths need >= 1s'),
  outlierDetection: outlierDetectionSchema.prefault({}),
  retries: retriesSchema.prefault({}),
});

export type Service = z.infer<typeof serviceSchema>;
export type ServicePort = z.infer<typeof portSchema>;
export type FailoverPolicy = z.infer<typeof failoverSchema>;
