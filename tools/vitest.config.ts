import { defineProject } from 'vitest/config';

/** Checks of the repository itself (the lock file), beside the packages' own suites. */
export default defineProject({
  test: { name: 'repo', include: ['tools/**/*.test.ts'], root: '..' },
});
