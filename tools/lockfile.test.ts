import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; optionalDependencies?: Record<string, string> }>;
};

/** The packages that ship native builds per platform as optional dependencies. */
const NATIVE = ['node_modules/nx', 'node_modules/rollup', 'node_modules/esbuild'];

describe('package-lock.json is portable (npm ci works on every platform, not only linux-x64)', () => {
  for (const name of NATIVE) {
    it(`${name.replace('node_modules/', '')}: every platform build it names is locked`, () => {
      const entry = lock.packages[name];
      expect(entry, `${name} is not in the lock file`).toBeDefined();
      const optional = Object.keys(entry?.optionalDependencies ?? {});
      expect(optional.length).toBeGreaterThan(3);
      const missing = optional.filter((dep) => {
        const locked = lock.packages[`node_modules/${dep}`] ?? lock.packages[`${name}/node_modules/${dep}`];
        return locked?.version === undefined;
      });
      expect(missing).toEqual([]);
    });
  }
});
