import { parseDuration } from '@okemesh/topology/duration';
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, type Io } from '../io.js';
import { jsonOption, type CommandGroup } from '../program.js';
import { formatProbeSummary } from './probe-format.js';

interface ProbeOptions {
  readonly rate: string;
  readonly duration: string;
  readonly mode: 'fresh' | 'keepalive';
  readonly timeout: string;
  readonly sustain: string;
  readonly json?: boolean;
}

function durationFlag(flag: string, value: string): number {
  const parsed = parseDuration(value);
  if (parsed === undefined || parsed <= 0)
    throw new UsageError(`${flag} "${value}" is not a duration like 500ms, 30s or 5m`);
  return parsed;
}

function positiveNumber(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new UsageError(`${flag} must be a positive number, got "${value}"`);
  return parsed;
}

/** Runs an open-model prober against `url`; Ctrl-C ends it early and still reports. Exit 1 if any slot failed. */
export async function probe(io: Io, url: string, options: ProbeOptions): Promise<number> {
  const rate = positiveNumber('--rate', options.rate);
  const durationMs = durationFlag('--duration', options.duration);
  const timeoutMs = durationFlag('--timeout', options.timeout);
  const sustain = Math.round(positiveNumber('--sustain', options.sustain));
  const { isDrillError, startHttpProbe, summarizeProbe } = await import('@okemesh/drills');
  let running: ReturnType<typeof startHttpProbe>;
  try {
    running = startHttpProbe({ url, rate, mode: options.mode, durationMs, timeoutMs });
  } catch (error) {
    if (isDrillError(error)) throw new UsageError(error.message);
    throw error;
  }
  const interrupt = () => void running.stop();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const ticker = options.json
    ? undefined
    : setInterval(() => {
        const p = running.progress();
        io.stderr(
          `probing ${p.scheduled} slots, ${p.ok} ok, ${p.failed} failed, last 1s ${(p.recentSuccess * 100).toFixed(0)} % ok\n`,
        );
      }, 1_000);
  try {
    const summary = summarizeProbe(await running.done, { sustain });
    if (options.json) printJson(io, summary);
    else io.stdout(formatProbeSummary(io, summary));
    return summary.failed === 0 ? ExitCode.Ok : ExitCode.Findings;
  } finally {
    if (ticker) clearInterval(ticker);
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

export const registerProbe: CommandGroup = (program, { io, setExitCode }) => {
  program
    .command('probe')
    .description(
      'probe a URL at a fixed rate (open model) and report every outage window, errors and latency',
    )
    .argument('<url>', 'http:// or https:// URL to probe')
    .option('--rate <n>', 'requests per second, scheduled on the clock', '20')
    .option('--duration <d>', 'how long to probe (Ctrl-C stops early and reports)', '30s')
    .addOption(
      new Option('--mode <mode>', 'new connection per request, or pooled keep-alive')
        .choices(['fresh', 'keepalive'])
        .default('fresh'),
    )
    .option('--timeout <d>', 'per-request timeout', '1s')
    .option('--sustain <n>', 'consecutive successes that end an outage window', '1')
    .addOption(jsonOption())
    .action(async (url: string, options: ProbeOptions) => {
      setExitCode(await probe(io, url, options));
    });
};
