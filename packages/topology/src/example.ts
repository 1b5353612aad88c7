import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LoadedTopology } from './load.js';
import { parseTopology } from './load.js';
import type { Topology } from './schema/topology.js';

/**
 * Location of the built-in example, found through the package's own name rather than this module's URL, so it
 * holds from `src/`, from `dist/` and from an application that bundles this code (the okemesh CLI does).
 */
function exampleFile(): string {
  const manifest = createRequire(import.meta.url).resolve('@okemesh/topology/package.json');
  return join(dirname(manifest), 'examples', 'mesh.yaml');
}

/** Name the example reports in issue locations. */
export const EXAMPLE_FILE = '<built-in example>';

/** The built-in example topology's source text (commented YAML, as `okemesh init` writes it). */
export function exampleTopologyText(): string {
  return readFileSync(exampleFile(), 'utf8');
}

/** The built-in two-region Bookinfo topology from the runbook, parsed and checked. */
export function loadExampleTopology(): LoadedTopology {
  return parseTopology(exampleTopologyText(), { file: EXAMPLE_FILE });
}

export function exampleTopology(): Topology {
  return loadExampleTopology().topology;
}
