import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { render } from '@okemesh/mesh-config';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { readWorkspaceTopology } from './workspace-topology.js';

/** `okemesh:mesh:render`: the bundle `okemesh render` writes, into the workspace. */
export function createMeshRenderAction() {
  return createTemplateAction({
    id: 'okemesh:mesh:render',
    description:
      'Renders the Istio multi-primary, multi-network bundle of a workspace mesh.yaml (like okemesh render)',
    supportsDryRun: true,
    examples: [
      {
        description: 'Render mesh.yaml into okemesh-out for Argo CD',
        example: stringify({
          steps: [
            {
              id: 'render',
              action: 'okemesh:mesh:render',
              input: {
                topologyPath: 'mesh.yaml',
                outputDir: 'okemesh-out',
                repoUrl: 'https://github.com/acme/shop',
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        topologyPath: (z) => z.string().default('mesh.yaml'),
        outputDir: (z) => z.string().default('okemesh-out'),
        repoUrl: (z) => z.string().optional().describe('Git repository Argo CD syncs the bundle from'),
        revision: (z) => z.string().optional().describe('Git revision Argo CD tracks (default HEAD)'),
      },
      output: {
        outputDir: (z) => z.string(),
        files: (z) => z.number().int(),
        objects: (z) => z.number().int(),
        clusters: (z) => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const { topologyPath, outputDir, repoUrl, revision } = ctx.input;
      const topology = await readWorkspaceTopology(ctx.workspacePath, topologyPath);
      const bundle = render(topology, {
        ...(repoUrl === undefined ? {} : { repoURL: repoUrl }),
        ...(revision === undefined ? {} : { targetRevision: revision }),
        repoPath: outputDir,
      });
      const root = resolveSafeChildPath(ctx.workspacePath, outputDir);
      await ctx.checkpoint({
        key: `okemesh.mesh.render:${outputDir}`,
        fn: async () => {
          // Replaced as a whole, like `okemesh render -o`: no stale file of an older render survives.
          await rm(root, { recursive: true, force: true });
          for (const file of bundle.files) {
            const target = join(root, file.path);
            await mkdir(dirname(target), { recursive: true });
            await writeFile(target, file.content);
          }
        },
      });
      ctx.logger.info(
        `${ctx.isDryRun ? '[dry run] ' : ''}rendered ${bundle.files.length} files into ${outputDir}`,
      );
      ctx.output('outputDir', outputDir);
      ctx.output('files', bundle.files.length);
      ctx.output('objects', bundle.objects.length);
      ctx.output(
        'clusters',
        topology.spec.clusters.map((c) => c.name),
      );
    },
  });
}
