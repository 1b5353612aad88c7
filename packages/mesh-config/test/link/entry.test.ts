import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as main from '../../src/index.js';
import * as link from '../../src/link/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every module reachable from `entry` through static imports (dynamic `import()` is not followed). */
async function staticGraph(entry: string): Promise<{ files: Set<string>; packages: Set<string> }> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
      const specifier = match[1] ?? '';
      if (/^(?:import|export) type\s/.test(match[0])) continue;
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
    for (const match of source.matchAll(/^import\s+'([^']+)'/gm)) packages.add(match[1] ?? '');
  }
  return { files, packages };
}

describe('the @okemesh/mesh-config/link subpath', () => {
  it('carries the live-cluster API; the main entry does not', () => {
    expect(typeof link.linkClusters).toBe('function');
    expect(typeof link.kubeconfigClientFactory).toBe('function');
    expect(typeof link.remoteSecret).toBe('function');
    for (const name of [
      'linkClusters',
      'kubeconfigClientFactory',
      'remoteSecret',
      'unsafeKubeconfigReasons',
    ]) {
      expect(Object.keys(main)).not.toContain(name);
    }
  });

  it('keeps @kubernetes/client-node out of the main entry graph and loads it only lazily from link', async () => {
    const mainGraph = await staticGraph(join(root, 'src/index.ts'));
    // The walk really follows the graph: render and lint modules and their libraries are in it.
    expect(mainGraph.files.size).toBeGreaterThan(50);
    expect(mainGraph.packages).toContain('yaml');
    expect(mainGraph.packages).not.toContain('@kubernetes/client-node');
    expect([...mainGraph.files].some((f) => f.includes('/src/link/'))).toBe(false);
    const linkGraph = await staticGraph(join(root, 'src/link/index.ts'));
    expect(linkGraph.packages).not.toContain('@kubernetes/client-node');
    const clientNode = await readFile(join(root, 'src/link/client-node.ts'), 'utf8');
    expect(clientNode).toContain("await import('@kubernetes/client-node')");
  });

  it('declares @kubernetes/client-node as an optional peer dependency, not a dependency', async () => {
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
      exports: Record<string, Record<string, string>>;
    };
    expect(manifest.dependencies['@kubernetes/client-node']).toBeUndefined();
    expect(manifest.peerDependencies['@kubernetes/client-node']).toMatch(/^\^2\./);
    expect(manifest.peerDependenciesMeta['@kubernetes/client-node']?.optional).toBe(true);
    expect(manifest.exports['./link']).toEqual({
      '@okemesh/source': './src/link/index.ts',
      types: './dist/link.d.ts',
      default: './dist/link.js',
    });
  });
});
