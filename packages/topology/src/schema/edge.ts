import { z } from 'zod';
import { dns1123Label, dnsName, duration, ocid } from './primitives.js';

export const ingressSchema = z.strictObject({
  hosts: z.array(dnsName).min(1).describe('Public hostnames served by the ingress gateway'),
  tlsSecret: dns1123Label.describe('kubernetes.io/tls Secret in istio-system holding the certificate'),
  routes: z
    .array(
      z.strictObject({
        prefix: z.string().regex(/^\//, 'must start with /').default('/'),
        service: dns1123Label.describe('A service declared under spec.services'),
        port: z.int().min(1).max(65535).optional(),
      }),
    )
    .min(1),
});

export const dnsSchema = z.strictObject({
  zone: dnsName.describe('OCI DNS zone, e.g. example.com'),
  domain: dnsName.describe('Name steered between regions, e.g. app.example.com'),
  ttl: z.int().min(1).max(86400).default(30),
  healthCheck: z.strictObject({
    protocol: z.enum(['HTTP', 'HTTPS']).default('HTTPS'),
    path: z.string().regex(/^\//, 'must start with /').default('/healthz'),
    port: z.int().min(1).max(65535).default(443),
    interval: duration.default('30s').describe('OCI Health Checks allow 10s, 30s or 60s'),
    timeout: duration.default('10s'),
  }),
});

export const dataSchema = z.strictObject({
  autonomousDatabase: z
    .strictObject({
      primary: ocid('autonomousdatabase'),
      standby: ocid('autonomousdatabase'),
    })
    .optional(),
});

export const sloSchema = z.strictObject({
  availability: z.number().gt(0).lt(100).describe('Target availability in percent, e.g. 99.95'),
  rto: duration.describe('Recovery time objective for a regional outage'),
  rpo: duration.describe('Recovery point objective (maximum data loss)'),
  dnsFailover: duration.describe('Time for DNS steering to move traffic'),
  crossClusterP99: duration.describe('p99 latency of cross-region requests'),
  meshSync: duration.describe('Time for a config change to reach every cluster'),
});

export type Ingress = z.infer<typeof ingressSchema>;
export type Dns = z.infer<typeof dnsSchema>;
export type Data = z.infer<typeof dataSchema>;
export type Slos = z.infer<typeof sloSchema>;
