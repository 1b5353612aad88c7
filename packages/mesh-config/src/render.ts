import type { Topology } from '@okemesh/topology';
import type { Bundle, BundleFile, BundleObject } from './bundle/bundle.js';
import { clusterBundle, renderManifest } from './bundle/cluster-bundle.js';
import { meshObjects } from './bundle/cluster-objects.js';
import { globalBundle } from './bundle/global-bundle.js';
import { installNotes } from './docs/install-notes.js';
import { runbook } from './docs/runbook.js';
import { MeshConfigError } from './errors.js';
import { resolveOptions, type RenderOptions } from './resources/context.js';

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Renders the whole bundle for a checked topology (from `parseTopology`/`loadTopologyFile`): one
 * directory per cluster, a global directory, RUNBOOK.md and README.md. Pure and deterministic: the
 * same topology and options always give the same bytes; nothing touches the disk.
 */
export function render(topology: Topology, options: RenderOptions = {}): Bundle {
  if (topology.spec.clusters.length === 0) {
    throw new MeshConfigError(
      'MESH_RENDER_INPUT',
      'the topology has no clusters: load it with parseTopology first',
    );
  }
  const resolved = resolveOptions(topology, options);
  const names = new Set(topology.spec.clusters.map((c) => c.name));
  for (const name of Object.keys(resolved.extraObjects)) {
    if (!names.has(name)) {
      throw new MeshConfigError(
        'MESH_RENDER_INPUT',
        `extraObjects names cluster "${name}", which the topology does not declare`,
      );
    }
  }
  const files: BundleFile[] = [
    { path: 'README.md', content: installNotes(topology) },
    { path: 'RUNBOOK.md', content: runbook(topology, resolved) },
  ];
  const objects: BundleObject[] = [];
  const shared = meshObjects({ topology, options: resolved }).map(renderManifest);
  for (const cluster of topology.spec.clusters) {
    const part = clusterBundle({ topology, cluster, options: resolved }, shared);
    files.push(...part.files);
    objects.push(...part.objects);
  }
  const global = globalBundle(topology, resolved);
  files.push(...global.files);
  objects.push(...global.objects);
  files.sort((a, b) => compareText(a.path, b.path));
  objects.sort((a, b) => compareText(a.path, b.path));
  return { files, objects };
}
