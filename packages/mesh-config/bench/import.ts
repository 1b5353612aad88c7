// Import-cost benchmark: `import('@okemesh/mesh-config')` against bare `node -e ""`, same run, same machine.
// Prints medians of RUNS interleaved spawns and the ratio to the bare-Node baseline (goal: <= 3x).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const here = fileURLToPath(new URL('.', import.meta.url));

function timeOnce(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: here, stdio: 'ignore' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const importing = (specifier: string) => ['--input-type=module', '-e', `await import('${specifier}')`];
const cases: readonly (readonly [string, readonly string[]])[] = [
  ['node -e ""', ['-e', '']],
  ["import('yaml')", importing('yaml')],
  ["import('@okemesh/mesh-config')", importing('@okemesh/mesh-config')],
  ["import('@okemesh/mesh-config/link')", importing('@okemesh/mesh-config/link')],
];

// Warm the file-system cache once, then interleave runs so drift on a shared host affects every case alike.
for (const [, args] of cases) timeOnce(args);
const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let i = 0; i < RUNS; i += 1) for (const [name, args] of cases) samples.get(name)?.push(timeOnce(args));

const baseline = median(samples.get('node -e ""') ?? []);
console.log(`import cost, median of ${RUNS} interleaved runs (Node ${process.version})`);
for (const [name] of cases) {
  const m = median(samples.get(name) ?? []);
  console.log(`${name.padEnd(36)} ${m.toFixed(1).padStart(7)} ms   ${(m / baseline).toFixed(2)}x baseline`);
}
