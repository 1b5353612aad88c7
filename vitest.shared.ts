import type { UserWorkspaceConfig } from 'vitest/config';

const conditions = ['@okemesh/source', 'node', 'import', 'module', 'default'];

/** The vitest project every package uses: source-resolving condition, co-located and test/ tests. */
export function packageProject(
  name: string,
  overrides: UserWorkspaceConfig['test'] = {},
): UserWorkspaceConfig {
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      restoreMocks: true,
      testTimeout: 30_000,
      ...overrides,
    },
  };
}
