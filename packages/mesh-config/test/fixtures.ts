import { loadExampleTopology, parseTopology, type Topology } from '@okemesh/topology';
import { readFileSync } from 'node:fs';

/** Golden cases: the built-in two-region example and a three-region topology. */
export const CASES: Readonly<Record<string, () => Topology>> = {
  example: () => loadExampleTopology().topology,
  'three-region': () => {
    const url = new URL('./fixtures/three-region.yaml', import.meta.url);
    return parseTopology(readFileSync(url, 'utf8'), { file: 'three-region.yaml' }).topology;
  },
};

/** One golden case's topology by name; throws for an unknown name. */
export function loadCase(name: string): Topology {
  const load = CASES[name];
  if (!load) throw new Error(`no golden case ${name}`);
  return load();
}
