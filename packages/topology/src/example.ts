import { readFileSync } from 'node:fs';
import type { LoadedTopology } from './load.js';
import { parseTopology } from './load.js';
import type { Topology } from './schema/topology.js';

/** Location of the built-in example; the same relative path works from `src/` and from `dist/`. */
const EXAMPLE_URL = new URL('../examples/mesh.yaml', import.meta.url);

/** Name the example reports in issue locations. */
export const EXAMPLE_FILE = '<built-in example>';

/** The built-in example topology's source text (commented YAML, as `okemesh init` writes it). */
export function exampleTopologyText(): string {
  return readFileSync(EXAMPLE_URL, 'utf8');
}

/** The built-in two-region Bookinfo topology from the runbook, parsed and checked. */
export function loadExampleTopology(): LoadedTopology {
  return parseTopology(exampleTopologyText(), { file: EXAMPLE_FILE });
}

export function exampleTopology(): Topology {
  return loadExampleTopology().topology;
}
