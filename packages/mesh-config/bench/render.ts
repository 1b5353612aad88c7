// Render benchmark: time and peak memory for synthetic topologies, per rendered object.
// Run: npm run bench -w @okemesh/mesh-config (builds, then runs this file on Node 24 with type stripping).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseTopology } from '@okemesh/topology';
// The package imports itself by name: typecheck sees src (custom condition), Node runs the built dist.
import { render, toYaml } from '@okemesh/mesh-config';
import { MAX_CLUSTERS, syntheticTopology } from './synthetic-topology.ts';

const SIZES = [
  [2, 20],
  [8, 200],
  // The issue's 64 clusters, capped at one per OCI region (okemesh networks one cluster per region).
  [Math.min(64, MAX_CLUSTERS), 1000],
] as const;

/** Child mode: render one size a few times and print JSON with the median time and peak memory. */
function measure(clusters: number, services: number): void {
  const topology = parseTopology(toYaml(syntheticTopology(clusters, services))).topology;
  const runs = clusters * services > 20_000 ? 3 : 7;
  const times: number[] = [];
  let objects = 0;
  let files = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const bundle = render(topology);
    times.push(performance.now() - start);
    objects = bundle.objects.length;
    files = bundle.files.length;
    bytes = bundle.files.reduce((sum, f) => sum + f.content.length, 0);
  }
  times.sort((a, b) => a - b);
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      clusters,
      services,
      objects,
      files,
      bytes,
      ms: times[Math.floor(times.length / 2)],
      maxRssKb: usage.maxRSS,
    }),
  );
}

function main(): void {
  const [, , mode, c, s] = process.argv;
  if (mode === '--measure') return measure(Number(c), Number(s));
  const self = fileURLToPath(import.meta.url);
  const results = SIZES.map(([clusters, services]) => {
    const out = execFileSync(
      process.execPath,
      ['--max-old-space-size=8192', self, '--measure', String(clusters), String(services)],
      { encoding: 'utf8' },
    );
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
      clusters: number;
      services: number;
      objects: number;
      files: number;
      bytes: number;
      ms: number;
      maxRssKb: number;
    };
  });
  const base = results[0];
  if (!base) return;
  const basePerObject = base.ms / base.objects;
  console.log('render() on synthetic topologies (median of 3-7 runs, each size in a fresh process)');
  console.log(
    'clusters×services   objects    files   output MB   time ms   µs/object   vs 2×20   peak RSS MB',
  );
  for (const r of results) {
    const perObject = (r.ms / r.objects) * 1000;
    console.log(
      `${`${r.clusters}×${r.services}`.padEnd(18)}${String(r.objects).padStart(9)}${String(r.files).padStart(9)}${(r.bytes / 1e6).toFixed(1).padStart(12)}${r.ms.toFixed(1).padStart(10)}${perObject.toFixed(1).padStart(12)}${`${(r.ms / r.objects / basePerObject).toFixed(2)}x`.padStart(10)}${(r.maxRssKb / 1024).toFixed(0).padStart(14)}`,
    );
  }
}

main();
