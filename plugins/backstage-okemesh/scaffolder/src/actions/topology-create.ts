import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { topologyDocument } from './topology-document.js';
import { checkedTopology } from './workspace-topology.js';

/** Durations as mesh.yaml writes them: 100ms, 60s, 15m, 1h. */
const DURATION = /^\d+(ms|s|m|h)$/;

/** `okemesh:topology:create`: writes a checked mesh.yaml from a platform engineer's answers. */
export function createTopologyCreateAction() {
  return createTemplateAction({
    id: 'okemesh:topology:create',
    description:
      'Writes a validated okemesh mesh.yaml (regions, clusters, services, SLOs) into the workspace',
    supportsDryRun: true,
    examples: [
      {
        description: 'Two-region mesh with one active-passive service',
        example: stringify({
          steps: [
            {
              id: 'topology',
              action: 'okemesh:topology:create',
              name: 'Write mesh.yaml',
              input: {
                name: 'shop',
                compartment:
                  'ocid1.compartment.oc1..aaaaaaaal7vn7wsy3qgizklrlfgo2vllfta3wkqlnfkvykoroite3lzxbnna',
                clusters: [
                  {
                    name: 'sjc',
                    region: 'us-sanjose-1',
                    role: 'primary',
                    vcnCidr: '10.0.0.0/16',
                    podSubnetCidr: '10.0.10.0/24',
                    serviceCidr: '10.96.0.0/16',
                  },
                  {
                    name: 'ord',
                    region: 'us-chicago-1',
                    role: 'secondary',
                    vcnCidr: '10.1.0.0/16',
                    podSubnetCidr: '10.1.10.0/24',
                    serviceCidr: '10.97.0.0/16',
                  },
                ],
                services: [{ name: 'web', namespace: 'shop', port: 8080, mode: 'active-passive' }],
                slos: {
                  availability: 99.95,
                  rto: '15m',
                  rpo: '5m',
                  dnsFailover: '60s',
                  crossClusterP99: '100ms',
                  meshSync: '10s',
                },
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        name: (z) =>
          z
            .string()
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
            .describe('Topology (and mesh) name'),
        meshId: (z) => z.string().optional().describe('Istio mesh ID (default <name>-mesh)'),
        trustDomain: (z) => z.string().optional().describe('SPIFFE trust domain (default cluster.local)'),
        istioVersion: (z) => z.string().optional().describe('Istio release (default 1.30.3)'),
        compartment: (z) => z.string().startsWith('ocid1.compartment.').describe('OCI compartment OCID'),
        clusters: (z) =>
          z
            .array(
              z.object({
                name: z.string(),
                region: z.string(),
                role: z.enum(['primary', 'secondary']),
                network: z.string().optional(),
                kubeContext: z.string().optional(),
                vcnCidr: z.string(),
                podSubnetCidr: z.string(),
                serviceCidr: z.string(),
              }),
            )
            .min(2)
            .describe('One OKE cluster per region (the first primary)'),
        services: (z) =>
          z
            .array(
              z.object({
                name: z.string(),
                namespace: z.string(),
                port: z.number().int().min(1).max(65535),
                mode: z.enum(['active-passive', 'active-active']),
              }),
            )
            .default([]),
        ingress: (z) => z.object({ host: z.string(), tlsSecret: z.string(), service: z.string() }).optional(),
        dnsZone: (z) => z.string().optional().describe('OCI DNS zone steering ingress.host between regions'),
        slos: (z) =>
          z.object({
            availability: z.number().gt(0).lt(100),
            rto: z.string().regex(DURATION, 'a duration such as 15m'),
            rpo: z.string().regex(DURATION, 'a duration such as 5m'),
            dnsFailover: z.string().regex(DURATION, 'a duration such as 60s'),
            crossClusterP99: z.string().regex(DURATION, 'a duration such as 100ms'),
            meshSync: z.string().regex(DURATION, 'a duration such as 10s'),
          }),
        targetPath: (z) => z.string().default('mesh.yaml').describe('Where to write it in the workspace'),
      },
      output: {
        path: (z) => z.string().describe('Workspace path of the written topology'),
        meshId: (z) => z.string(),
        clusters: (z) => z.array(z.string()),
        regions: (z) => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const { targetPath, ...request } = ctx.input;
      const text = stringify(topologyDocument(request), { lineWidth: 0 });
      // The same check `okemesh validate` runs: a topology that would not validate is never written.
      const topology = checkedTopology(text, targetPath);
      const file = resolveSafeChildPath(ctx.workspacePath, targetPath);
      await ctx.checkpoint({
        key: `okemesh.topology.create:${targetPath}`,
        fn: async () => {
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, text);
        },
      });
      ctx.logger.info(
        `${ctx.isDryRun ? '[dry run] ' : ''}wrote ${targetPath}: ${topology.spec.clusters.length} clusters, ${topology.spec.services.length} services`,
      );
      ctx.output('path', targetPath);
      ctx.output('meshId', topology.spec.mesh.id);
      ctx.output(
        'clusters',
        topology.spec.clusters.map((c) => c.name),
      );
      ctx.output('regions', [...new Set(topology.spec.clusters.map((c) => c.region))]);
    },
  });
}
