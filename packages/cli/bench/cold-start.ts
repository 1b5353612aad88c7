// Cold-start benchmark: `okemesh --help` and `okemesh validate` against `node -e ""`, same run, same machine.
// Prints medians of RUNS spawns each and the ratio to the bare-Node baseline.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const bin = fileURLToPath(new URL('../bin/okemesh.js', import.meta.url));

function timeOnce(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const cases: [string, string[]][] = [
  ['node -e ""', ['-e', '']],
  ['okemesh --help', [bin, '--help']],
  ['okemesh validate', [bin, 'validate']],
];

// Warm the file-system cache once, then interleave runs so drift affects every case alike.
for (const [, args] of cases) timeOnce(args);
const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let i = 0; i < RUNS; i++) for (const [name, args] of cases) samples.get(name)!.push(timeOnce(args));

const baseline = median(samples.get('node -e ""')!);
console.log(`cold start, median of ${RUNS} runs (Node ${process.version})`);
for (const [name] of cases) {
  const m = median(samples.get(name)!);
  console.log(`${name.padEnd(18)} ${m.toFixed(1).padStart(7)} ms   ${(m / baseline).toFixed(2)}x baseline`);
}
