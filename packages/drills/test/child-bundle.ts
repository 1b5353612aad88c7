import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Every bare specifier outside the workspace stays external: bundling a CommonJS dependency (undici,
 * client-node) into ESM turns its `require('node:assert')` into a call that throws at start-up.
 */
const externalThirdParty: Plugin = {
  name: 'external-third-party',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@okemesh/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Bundles a TypeScript test entry (and the workspace sources it imports) into one ESM file that
 * `process.execPath` can run. Third-party packages (all of them) stay external and resolve from node_modules.
 */
export async function bundleChild(entry: string): Promise<string> {
  const outdir = join(here, '..', 'node_modules', '.okemesh-test');
  await mkdir(outdir, { recursive: true });
  const outfile = join(outdir, `${entry.replace(/\.ts$/, '')}.mjs`);
  await build({
    entryPoints: [join(here, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    conditions: ['@okemesh/source'],
    plugins: [externalThirdParty],
    logLevel: 'error',
  });
  return outfile;
}
