import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { declaredMeshFromTopology, levelRank, lint, loadLintInput, type Level } from '@okemesh/mesh-config';
import { stringify } from 'yaml';
import { OkemeshActionError } from '../errors.js';
import { readWorkspaceTopology } from './workspace-topology.js';

const threshold: Record<'error' | 'warning' | 'info', Level> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/** `okemesh:mesh:lint`: `okemesh lint --topology` on workspace paths; fails the step at the threshold. */
export function createMeshLintAction() {
  return createTemplateAction({
    id: 'okemesh:mesh:lint',
    description:
      'Lints rendered Istio YAML like okemesh lint (IST and OKM codes) and fails on findings at the threshold',
    supportsDryRun: true,
    examples: [
      {
        description: 'Lint the rendered bundle against its topology',
        example: stringify({
          steps: [
            {
              id: 'lint',
              action: 'okemesh:mesh:lint',
              input: { paths: ['okemesh-out'], topologyPath: 'mesh.yaml' },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        paths: (z) => z.array(z.string()).min(1).default(['okemesh-out']),
        topologyPath: (z) => z.string().optional().describe('mesh.yaml declaring clusters and services'),
        failOn: (z) => z.enum(['error', 'warning', 'info']).default('error'),
      },
      output: {
        errors: (z) => z.number().int(),
        warnings: (z) => z.number().int(),
        infos: (z) => z.number().int(),
        codes: (z) => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const { paths, topologyPath, failOn } = ctx.input;
      const files = paths.map((p) => resolveSafeChildPath(ctx.workspacePath, p));
      const input = await loadLintInput(files, { cwd: ctx.workspacePath });
      if (input.files === 0 || input.problems.length > 0) {
        const why = input.problems.map((p) => `${p.file}: ${p.message}`).join('; ') || 'no YAML files';
        throw new OkemeshActionError('OKEMESH_LINT_INPUT', `cannot lint ${paths.join(', ')}: ${why}`);
      }
      const mesh =
        topologyPath === undefined
          ? undefined
          : declaredMeshFromTopology(await readWorkspaceTopology(ctx.workspacePath, topologyPath));
      const findings = lint(input.documents, mesh === undefined ? {} : { mesh });
      const count = (level: Level) => findings.filter((f) => f.level === level).length;
      for (const f of findings)
        ctx.logger.info(`${f.level} ${f.code} ${f.resource} ${f.file}:${f.line} ${f.message}`);
      ctx.output('errors', count('Error'));
      ctx.output('warnings', count('Warning'));
      ctx.output('infos', count('Info'));
      ctx.output('codes', [...new Set(findings.map((f) => f.code))].sort());
      const failing = findings.filter((f) => levelRank[f.level] >= levelRank[threshold[failOn]]);
      if (failing.length > 0) {
        throw new OkemeshActionError(
          'OKEMESH_LINT_FAILED',
          `${failing.length} finding(s) at or above ${failOn}: ${failing.map((f) => f.code).join(', ')}`,
        );
      }
    },
  });
}
