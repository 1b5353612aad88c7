import type { Clock } from '../clock.js';
import { classifyError } from './error-class.js';
import { resolverFor } from './resolver.js';
import type { ProbeSample, RunningProbe } from './sample.js';
import { startSlotProber } from './slot-prober.js';

export interface DnsProbeOptions {
  readonly name?: string;
  readonly hostname: string;
  /** DNS server `host` or `host:port`. */
  readonly server: string;
  readonly rate: number;
  readonly timeoutMs?: number;
  readonly durationMs?: number;
  /** If non-empty, every answer must be one of these. */
  readonly expect?: readonly string[];
  /** Answers that make the slot a failure (the failed region's address). */
  readonly avoid?: readonly string[];
  readonly onSample?: (sample: ProbeSample) => void;
  readonly onAnswer?: (seq: number, answers: readonly string[]) => void;
  /** Time source and timers (a fake clock in tests). */
  readonly clock?: Clock;
}

/** Asks a DNS server for A records at a fixed rate; a slot succeeds when the answers are acceptable. */
export function startDnsProbe(options: DnsProbeOptions): RunningProbe {
  const timeoutMs = options.timeoutMs ?? 1_000;
  const expect = new Set(options.expect ?? []);
  const avoid = new Set(options.avoid ?? []);
  return startSlotProber({
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    name: options.name ?? `dns ${options.hostname}@${options.server}`,
    kind: 'dns',
    target: `${options.hostname}@${options.server}`,
    mode: null,
    rate: options.rate,
    timeoutMs,
    attempt: async (seq) => {
      try {
        // One resolver per query: no shared state, no cache between slots.
        const answers = await resolverFor(options.server, timeoutMs).resolve4(options.hostname);
        options.onAnswer?.(seq, answers);
        const ok =
          answers.length > 0 &&
          (expect.size === 0 || answers.every((a) => expect.has(a))) &&
          !answers.some((a) => avoid.has(a));
        return { ok, status: null, error: ok ? null : 'status' };
      } catch (error) {
        return { ok: false, status: null, error: classifyError(error) };
      }
    },
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    ...(options.onSample === undefined ? {} : { onSample: options.onSample }),
  });
}
