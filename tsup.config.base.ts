import type { Options } from 'tsup';

/**
 * The one tsup preset every @okemesh package uses: ESM-only, Node 22.12+, with declarations.
 * A package's tsup.config.ts passes its public entry points (one per `exports` subpath).
 */
export function libraryConfig(entry: Record<string, string>, overrides: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm'],
    platform: 'node',
    target: 'node22',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    // Libraries never bundle what they import: dependencies resolve at install time.
    external: [/^[^./]/],
    ...overrides,
  };
}
