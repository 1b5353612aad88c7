import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The CLI bundles what every command loads (tsup.config.ts) and leaves the heavy SDKs external. An external
// resolves from the CLI's own location, so each must be the CLI's declared dependency (or optional peer): a
// package only a bundled okemesh library depends on is not guaranteed to be installed where the CLI can find it.

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** Bare specifiers the built files load: static and dynamic imports, require() and require.resolve(). */
function externals(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const specifier =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\d*\s*\(\s*|\brequire\d*\.resolve\s*\(\s*)(["'])([@a-z][\w@./-]*)\1/g;
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(dist, file), 'utf8')
      // comments quote example imports (`import { x } from 'js-yaml'` in a bundled library's doc comment)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const m of text.matchAll(specifier)) {
      const spec = m[2]!;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (spec.startsWith('node:') || builtinModules.includes(name)) continue;
      found.set(name, [...(found.get(name) ?? []), file]);
    }
  }
  return found;
}

describe('the built CLI', () => {
  if (!existsSync(join(dist, 'index.js')))
    throw new Error(
      `${dist}/index.js is missing: build the CLI first (npm run build, or npm test which builds)`,
    );

  it('declares every package its bundle leaves external', () => {
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    const found = externals();
    // the heavy SDKs are external by design; if this fails the scan found nothing and checks nothing
    expect([...found.keys()]).toEqual(expect.arrayContaining(['oci-core', '@kubernetes/client-node']));
    const undeclared = [...found]
      .filter(([name]) => !declared.has(name))
      .map(([n, files]) => `${n} (${files[0]})`);
    expect(undeclared).toEqual([]);
  });

  it('bundles the start-up path: zod, yaml and the okemesh libraries are not loaded from node_modules', () => {
    const found = externals();
    for (const name of ['zod', 'yaml', '@okemesh/topology', '@okemesh/mesh-config'])
      expect(found.has(name)).toBe(false);
  });

  it('finds the built-in example from the bundle (topology resolves it through its package name)', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'okemesh.js'), 'validate', '--json'], {
      cwd: dist, // no mesh.yaml here: the built-in example
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/CLI_IO|ENOENT/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true });
  });
});
