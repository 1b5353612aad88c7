import { now } from '../clock.js';
import { DrillError } from '../errors.js';
import type {
  ConnectionMode,
  ErrorClass,
  ProbeKind,
  ProbeProgress,
  ProbeRun,
  ProbeSample,
  RunningProbe,
} from './sample.js';

/** The outcome of one attempt, as the protocol-specific part reports it. */
export interface Attempt {
  readonly ok: boolean;
  readonly status: number | null;
  readonly error: ErrorClass | null;
}

export type AttemptFn = (seq: number, signal: AbortSignal) => Promise<Attempt>;

export interface SlotProberOptions {
  readonly name: string;
  readonly kind: ProbeKind;
  readonly target: string;
  readonly mode: ConnectionMode | null;
  /** Slots per second. */
  readonly rate: number;
  /** Per-attempt timeout; a slot still running after it fails as `timeout`. */
  readonly timeoutMs: number;
  /** Stop by itself after this long; otherwise run until `stop()`. */
  readonly durationMs?: number;
  /** At most this many attempts in flight; a slot due while the cap is reached is `unsent`. */
  readonly maxInFlight?: number;
  /** A slot the scheduler reaches later than this after its intended time is `unsent` (event-loop stall). */
  readonly maxLagMs?: number;
  /** Phase offset of the first slot (stagger several probers by 1/(kR)). */
  readonly offsetMs?: number;
  readonly onSample?: (sample: ProbeSample) => void;
  readonly attempt: AttemptFn;
  /** Called once after the last attempt settled (close pools, sockets). */
  readonly close?: () => void;
}

const RECENT_WINDOW_MS = 1_000;

function validate(options: SlotProberOptions): void {
  const problems: string[] = [];
  if (!(options.rate > 0 && options.rate <= 10_000))
    problems.push(`rate must be in (0, 10000], got ${options.rate}`);
  if (!(options.timeoutMs > 0)) problems.push(`timeout must be > 0 ms, got ${options.timeoutMs}`);
  if (options.durationMs !== undefined && !(options.durationMs > 0)) problems.push('duration must be > 0');
  if (problems.length > 0) {
    throw new DrillError('DRILL_PROBE_INVALID', `invalid probe ${options.name}: ${problems.join('; ')}`, {
      details: problems,
    });
  }
}

/**
 * Open-model scheduler: slot `i` is due at `start + i / rate` whatever happened to earlier slots. Each due slot
 * is sent at once (never waiting for a previous response); a slot that cannot be sent on time is recorded as
 * an `unsent` failure instead of being silently skipped, so stalls cannot hide an outage.
 */
export function startSlotProber(options: SlotProberOptions): RunningProbe {
  validate(options);
  const interval = 1_000 / options.rate;
  const maxInFlight = options.maxInFlight ?? Math.ceil(options.rate * (options.timeoutMs / 1_000) * 2) + 16;
  const maxLag = options.maxLagMs ?? Math.max(100, 2 * interval);
  const start = now() + (options.offsetMs ?? 0);
  const stopAt = options.durationMs === undefined ? Infinity : start + options.durationMs;
  const samples: ProbeSample[] = [];
  const pending = new Set<Promise<void>>();
  let seq = 0;
  let ok = 0;
  let failed = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let finished: Promise<ProbeRun> | undefined;
  let resolveDone: (run: ProbeRun) => void = () => undefined;
  const done = new Promise<ProbeRun>((resolve) => {
    resolveDone = resolve;
  });

  function record(sample: ProbeSample): void {
    samples.push(sample);
    if (sample.ok) ok += 1;
    else failed += 1;
    options.onSample?.(sample);
  }

  function fire(slot: number, intended: number): void {
    const sent = now();
    const controller = new AbortController();
    let settled = false;
    const settle = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      const end = now();
      record({ seq: slot, intended, sent, end, ...attempt, latencyMs: end - sent });
    };
    const deadline = setTimeout(() => {
      settle({ ok: false, status: null, error: 'timeout' });
      controller.abort();
    }, options.timeoutMs);
    const task = options
      .attempt(slot, controller.signal)
      .then(settle, () => settle({ ok: false, status: null, error: 'other' }))
      .finally(() => pending.delete(task));
    pending.add(task);
  }

  function tick(): void {
    timer = undefined;
    if (stopped) return;
    const t = now();
    for (
      let intended = start + seq * interval;
      intended <= t && intended < stopAt;
      intended = start + seq * interval
    ) {
      if (t - intended > maxLag || pending.size >= maxInFlight) {
        record({
          seq,
          intended,
          sent: null,
          end: t,
          ok: false,
          status: null,
          error: 'unsent',
          latencyMs: null,
        });
      } else {
        fire(seq, intended);
      }
      seq += 1;
    }
    if (start + seq * interval >= stopAt) {
      // Every slot is out; the run ends when its duration does (the last slot's interval included).
      timer = setTimeout(() => void finish(), Math.max(0, stopAt - now()));
      return;
    }
    timer = setTimeout(tick, Math.max(0, start + seq * interval - now()));
  }

  async function drain(): Promise<ProbeRun> {
    while (pending.size > 0) await Promise.all([...pending]);
    options.close?.();
    samples.sort((a, b) => a.seq - b.seq);
    const run: ProbeRun = {
      name: options.name,
      kind: options.kind,
      target: options.target,
      mode: options.mode,
      rate: options.rate,
      timeoutMs: options.timeoutMs,
      start,
      end: Math.min(now(), stopAt),
      samples,
    };
    resolveDone(run);
    return run;
  }

  function finish(): Promise<ProbeRun> {
    stopped = true;
    if (timer) clearTimeout(timer);
    finished ??= drain();
    return finished;
  }

  function successSince(since: number): number {
    let good = 0;
    let total = 0;
    for (let i = samples.length - 1; i >= 0; i -= 1) {
      const sample = samples[i];
      // Samples arrive in completion order: a timed-out slot lands up to one timeout late.
      if (!sample || sample.intended < since - 2 * options.timeoutMs) break;
      if (sample.intended < since) continue;
      total += 1;
      if (sample.ok) good += 1;
    }
    return total === 0 ? 1 : good / total;
  }

  timer = setTimeout(tick, Math.max(0, start - now()));

  return {
    name: options.name,
    done,
    stop: finish,
    successSince,
    progress(): ProbeProgress {
      const recentSuccess = successSince(now() - RECENT_WINDOW_MS);
      return { scheduled: seq, ok, failed, inFlight: pending.size, recentSuccess };
    },
  };
}
