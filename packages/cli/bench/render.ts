// End-to-end render benchmark: `okemesh render -f` of a 64-cluster (capped at one per OCI region) × 1000-service
// topology, every file written.
// Prints, from one run: bare `node -e ""` start (baseline), the CLI end to end (wall time, peak RSS; goal < 3 s,
// <= 512 MB) and, in a fresh process, its phases through the same public APIs: load, render(), writeBundle().
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { loadTopologyFile } from '@okemesh/topology';
import { render } from '@okemesh/mesh-config';
import { writeBundle } from '@okemesh/cli';
import { MAX_CLUSTERS, syntheticTopology } from '../../mesh-config/bench/synthetic-topology.ts';

// The 64 clusters: okemesh allows one cluster per region and OCI has fewer regions, so every region.
const CLUSTERS = Math.min(64, MAX_CLUSTERS);
const SERVICES = 1_000;
const bin = fileURLToPath(new URL('../bin/okemesh.js', import.meta.url));
const maxRss = fileURLToPath(new URL('./max-rss.ts', import.meta.url));

/** Child mode: the CLI's phases through the public APIs, in a fresh process; prints JSON. */
async function phases(file: string, out: string): Promise<void> {
  let start = performance.now();
  const loaded = await loadTopologyFile(file);
  const loadMs = performance.now() - start;
  start = performance.now();
  const bundle = render(loaded.topology);
  const renderMs = performance.now() - start;
  start = performance.now();
  await writeBundle(bundle, out);
  const writeMs = performance.now() - start;
  // The file system's own ceiling in this run: the same files written synchronously, one after another.
  const raw = `${out}-raw`;
  start = performance.now();
  for (const dir of new Set(bundle.files.map((f) => dirname(join(raw, f.path)))))
    mkdirSync(dir, { recursive: true });
  for (const f of bundle.files) writeFileSync(join(raw, f.path), f.content, { flag: 'wx' });
  const rawMs = performance.now() - start;
  const bytes = bundle.files.reduce((sum, f) => sum + f.content.length, 0);
  console.log(JSON.stringify({ loadMs, renderMs, writeMs, rawMs, files: bundle.files.length, bytes }));
}

function timed(args: readonly string[]): { ms: number; stdout: string; maxRssKb: number } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const rss = /max-rss-kb (\d+)/.exec(run.stderr);
  return { ms, stdout: run.stdout, maxRssKb: rss ? Number(rss[1]) : 0 };
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

async function main(): Promise<void> {
  const [, , mode, file, out] = process.argv;
  if (mode === '--phases' && file && out) return phases(file, out);
  const work = mkdtempSync(join(tmpdir(), 'okemesh-render-bench-'));
  try {
    const topologyFile = join(work, 'mesh.yaml');
    writeFileSync(topologyFile, stringify(syntheticTopology(CLUSTERS, SERVICES)));
    const self = fileURLToPath(import.meta.url);
    const baseline = timed(['-e', '']);
    const cli = timed(['--import', maxRss, bin, 'render', '-f', topologyFile, '-o', join(work, 'cli-out')]);
    const written = countFiles(join(work, 'cli-out'));
    const phase = timed(['--import', maxRss, self, '--phases', topologyFile, join(work, 'api-out')]);
    const p = JSON.parse(phase.stdout.trim().split('\n').at(-1) ?? '{}') as {
      loadMs: number;
      renderMs: number;
      writeMs: number;
      rawMs: number;
      files: number;
      bytes: number;
    };
    console.log(`okemesh render -f, ${CLUSTERS} clusters × ${SERVICES} services (Node ${process.version})`);
    console.log(`node -e ""              ${baseline.ms.toFixed(0).padStart(6)} ms (baseline)`);
    console.log(
      `okemesh render (CLI)    ${cli.ms.toFixed(0).padStart(6)} ms = ${(cli.ms / baseline.ms).toFixed(1)}x baseline, peak RSS ${(cli.maxRssKb / 1024).toFixed(0)} MB, ${written} files written (goal < 3000 ms, <= 512 MB)`,
    );
    console.log(
      `file-system ceiling: writeFileSync of the same files, one after another: ${p.rawMs.toFixed(0)} ms (${((p.files / p.rawMs) * 1000).toFixed(0)} files/s); writeBundle() = ${(p.writeMs / p.rawMs).toFixed(2)}x that`,
    );
    console.log(
      `phases (API, fresh process): load ${p.loadMs.toFixed(0)} ms, render() ${p.renderMs.toFixed(0)} ms, writeBundle() ${p.writeMs.toFixed(0)} ms for ${p.files} files / ${(p.bytes / 1e6).toFixed(1)} MB (${((p.files / p.writeMs) * 1000).toFixed(0)} files/s), peak RSS ${(phase.maxRssKb / 1024).toFixed(0)} MB`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
