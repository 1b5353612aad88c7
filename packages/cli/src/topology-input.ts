import { loadExampleTopology, loadTopologyFile, type LoadedTopology } from '@okemesh/topology';
import { resolve } from 'node:path';
import type { Io } from './io.js';

/** The topology a command works on: `-f <file>`, or the built-in example. */
export async function readTopology(io: Io, file: string | undefined): Promise<LoadedTopology> {
  return file === undefined ? loadExampleTopology() : loadTopologyFile(resolve(io.cwd, file));
}
