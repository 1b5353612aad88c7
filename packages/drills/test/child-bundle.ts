import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles a TypeScript test entry (and the workspace sources it imports) into one ESM file that
 * `process.execPath` can run. Third-party packages stay external and resolve from node_modules.
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
    external: [
      '@kubernetes/client-node',
      'yaml',
      'zod',
      'hdr-histogram-js',
      'cidr-tools',
      'oci-*',
      'pg',
      'oracledb',
    ],
    logLevel: 'error',
  });
  return outfile;
}
