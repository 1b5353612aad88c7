import type { LoadedTopology } from '@okemesh/topology';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { paint, type Io } from './io.js';

/** The file commands read when `-f` is not given and it exists in the working directory (`okemesh init` writes it). */
export const DEFAULT_TOPOLOGY_FILE = 'mesh.yaml';

/** A topology and where it came from: a file, or the built-in example. */
export interface TopologySource {
  readonly loaded: LoadedTopology;
  /** Absolute path, or undefined for the built-in example. */
  readonly path: string | undefined;
  /** The source text, comments included (what `render` puts into the bundle). */
  readonly text: string;
}

const announced = new WeakSet<Io>();

/** Which file `-f` means: the flag, else ./mesh.yaml when present, else the built-in example (undefined). */
export function topologyPath(io: Io, file: string | undefined): string | undefined {
  if (file !== undefined) return resolve(io.cwd, file);
  const local = join(io.cwd, DEFAULT_TOPOLOGY_FILE);
  return existsSync(local) ? local : undefined;
}

/**
 * The topology a command works on: `-f <file>`, else ./mesh.yaml, else the built-in example. When `-f` is not
 * given the command says (once, on stderr) which one it used, so nobody renders the example by mistake.
 */
export async function readTopologySource(io: Io, file: string | undefined): Promise<TopologySource> {
  // Loaded on demand: the topology model (zod, yaml) costs ~0.1 s of start-up that --help should not pay.
  const { exampleTopologyText, loadExampleTopology, loadTopologyFile } = await import('@okemesh/topology');
  const path = topologyPath(io, file);
  if (file === undefined && !announced.has(io)) {
    announced.add(io);
    io.stderr(
      paint(
        io,
        'dim',
        path
          ? `using topology ./${relative(io.cwd, path)}\n`
          : 'using the built-in example topology (no ./mesh.yaml here; pass -f <mesh.yaml> or run okemesh init)\n',
      ),
    );
  }
  if (path === undefined) return { loaded: loadExampleTopology(), path, text: exampleTopologyText() };
  const loaded = await loadTopologyFile(path);
  return { loaded, path, text: await readFile(path, 'utf8') };
}

export async function readTopology(io: Io, file: string | undefined): Promise<LoadedTopology> {
  return (await readTopologySource(io, file)).loaded;
}
