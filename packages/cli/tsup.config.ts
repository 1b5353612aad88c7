import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.config.base.js';

// Command modules are separate entries so heavy SDKs load only with the command that needs them.
// The CLI is an application: what every command loads (the okemesh packages, zod, yaml, commander) is bundled,
// so start-up reads about 20 files instead of ~190 (issue 14: `okemesh validate` <= 3x bare node, bench/cold-start.ts).
// The heavy SDKs stay external and load lazily; test/bundle.test.ts checks that every external is a declared
// dependency. yaml and commander are CommonJS: the banner gives their bundled require() of builtins a require.
export default defineConfig(
  libraryConfig(
    { index: 'src/index.ts' },
    {
      splitting: true,
      noExternal: [/^@okemesh\//, 'zod', 'yaml', 'commander', 'cidr-tools', 'ip-bigint', 'js-yaml'],
      banner: {
        js: "import { createRequire as __okemeshCreateRequire } from 'node:module';\nconst require = __okemeshCreateRequire(import.meta.url);",
      },
    },
  ),
);
