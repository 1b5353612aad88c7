import { z } from 'zod';
import { clusterSchema } from './cluster.js';
import { dataSchema, dnsSchema, ingressSchema, sloSchema } from './edge.js';
import { dns1123Label } from './primitives.js';
import { serviceSchema } from './service.js';

export const API_VERSION = 'okemesh.io/v1alpha1';
export const KIND = 'MeshTopology';

export const meshSchema = z.strictObject({
  id: dns1123Label.describe('Istio mesh ID (values.global.meshID), identical in every cluster'),
  trustDomain: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
      'must be a lowercase DNS-style trust domain such as cluster.local',
    )
    .default('cluster.local')
    .describe('SPIFFE trust domain (meshConfig.trustDomain), identical in every cluster'),
  istio: z.strictObject({
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be an Istio release such as 1.30.3'),
    revision: dns1123Label.optional().describe('istiod revision label, e.g. 1-30-3'),
  }),
});

export const topologySchema = z
  .strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(KIND),
    metadata: z.strictObject({ name: dns1123Label }),
    spec: z.strictObject({
      mesh: meshSchema,
      clusters: z.array(clusterSchema).min(2, 'a failover mesh needs at least 2 clusters'),
      services: z.array(serviceSchema).default([]),
      ingress: ingressSchema.optional(),
      dns: dnsSchema.optional(),
      data: dataSchema.prefault({}),
      slos: sloSchema,
    }),
  })
  .describe('okemesh topology: clusters, networks, services, DNS, data and SLOs of one failover mesh');

export type Topology = z.infer<typeof topologySchema>;
export type TopologyInput = z.input<typeof topologySchema>;
export type Mesh = z.infer<typeof meshSchema>;
