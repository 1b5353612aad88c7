import type { LoadedTopology } from '@okemesh/topology';
import { resolve } from 'node:path';
import type { Io } from './io.js';

/** The topology a command works on: `-f <file>`, or the built-in example. */
export async function readTopology(io: Io, file: string | undefined): Promise<LoadedTopology> {
  // Loaded on demand: the topology model (zod, yaml) costs ~0.1 s of start-up that --help should not pay.
  const { loadExampleTopology, loadTopologyFile } = await import('@okemesh/topology');
  return file === undefined ? loadExampleTopology() : loadTopologyFile(resolve(io.cwd, file));
}
