import type { UserWorkspaceConfig } from 'vitest/config';
import { packageProject } from '../../vitest.shared.js';

// Workspace sources through @okemesh/source; Backstage's own packages resolve as Node resolves them
// (forcing `import`/`module` would load their ESM builds against CJS lodash and fail).
const conditions = ['@okemesh/source', 'node', 'default'];

/** The vitest project of a Backstage package: the jest shim, Node resolution, generous timeouts. */
export function backstageProject(
  name: string,
  overrides: UserWorkspaceConfig['test'] = {},
): UserWorkspaceConfig {
  const base = packageProject(name, {
    globals: true,
    setupFiles: ['../../../tools/backstage/vitest-jest-shim.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    ...overrides,
  });
  return {
    ...base,
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['node'] } },
  };
}
