import { systemClock, type Clock } from '../clock.js';
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

/** Promise form of an attempt: resolve with the outcome; `signal` aborts when the slot timed out. */
export type AttemptFn = (seq: number, signal: AbortSignal) => Promise<Attempt>;

/**
 * Callback form for probers on the hot path (no promise, no AbortController per slot): start the attempt, call
 * `settle` once with its outcome, and return a function that cancels it (called when the slot timed out).
 */
export type StartAttemptFn = (seq: number, settle: (attempt: Attempt) => void) => () => void;

interface SlotProberBase {
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
  /** Called once after the last attempt settled (close pools, sockets). */
  readonly close?: () => void | Promise<void>;
  /** Time source and timers; the system clock unless a test injects a fake one. */
  readonly clock?: Clock;
}

export type SlotProberOptions = SlotProberBase &
  (
    | { readonly attempt: AttemptFn; readonly start?: never }
    | { readonly start: StartAttemptFn; readonly attempt?: never }
  );

/** Highest slot rate a prober accepts. */
export const MAX_PROBE_RATE = 100_000;

const RECENT_WINDOW_MS = 1_000;

function validate(options: SlotProberOptions): void {
  const problems: string[] = [];
  if (!(options.rate > 0 && options.rate <= MAX_PROBE_RATE))
    problems.push(`rate must be in (0, ${MAX_PROBE_RATE}], got ${options.rate}`);
  if (!(options.timeoutMs > 0)) problems.push(`timeout must be > 0 ms, got ${options.timeoutMs}`);
  if (options.durationMs !== undefined && !(options.durationMs > 0)) problems.push('duration must be > 0');
  if (problems.length > 0) {
    throw new DrillError('DRILL_PROBE_INVALID', `invalid probe ${options.name}: ${problems.join('; ')}`, {
      details: problems,
    });
  }
}

/** Adapts the promise form to the callback form: an AbortController per slot, aborted on timeout. */
function fromPromise(attempt: AttemptFn, finished: () => void): StartAttemptFn {
  return (seq, settle) => {
    const controller = new AbortController();
    attempt(seq, controller.signal)
      .then(settle, () => settle({ ok: false, status: null, error: 'other' }))
      .finally(finished);
    return () => controller.abort();
  };
}

/** One sent slot until its outcome is known; kept in send order, so deadlines are ascending. */
interface InFlight {
  readonly slot: number;
  readonly intended: number;
  readonly sent: number;
  readonly deadline: number;
  settled: boolean;
  cancel: () => void;
}

/**
 * Open-model scheduler: slot `i` is due at `start + i / rate` whatever happened to earlier slots. Each due slot
 * is sent at once (never waiting for a previous response); a slot that cannot be sent on time is recorded as
 * an `unsent` failure instead of being silently skipped, so stalls cannot hide an outage. Timeouts are one
 * timer for the oldest unsettled slot (the queue is in send order), not one timer per slot.
 */
export function startSlotProber(options: SlotProberOptions): RunningProbe {
  validate(options);
  const clock = options.clock ?? systemClock;
  const interval = 1_000 / options.rate;
  const timeoutMs = options.timeoutMs;
  const maxInFlight = options.maxInFlight ?? Math.ceil(options.rate * (timeoutMs / 1_000) * 2) + 16;
  const maxLag = options.maxLagMs ?? Math.max(100, 2 * interval);
  const start = clock.now() + (options.offsetMs ?? 0);
  const stopAt = options.durationMs === undefined ? Infinity : start + options.durationMs;
  const samples: ProbeSample[] = [];
  const queue: InFlight[] = [];
  let head = 0;
  let seq = 0;
  let ok = 0;
  let failed = 0;
  let inFlight = 0;
  /** Attempts whose promise has not returned yet (promise form: may outlive their timeout). */
  let running = 0;
  let stopped = false;
  let cancelTick: (() => void) | undefined;
  let deadlineArmed = false;
  let cancelDeadline: () => void = () => undefined;
  let finished: Promise<ProbeRun> | undefined;
  let idle: (() => void) | undefined;
  let resolveDone: (run: ProbeRun) => void = () => undefined;
  const done = new Promise<ProbeRun>((resolve) => {
    resolveDone = resolve;
  });
  const attemptFinished = () => {
    running -= 1;
    if (running === 0) idle?.();
  };
  const startAttempt: StartAttemptFn = options.start ?? fromPromise(options.attempt, attemptFinished);
  const countsItself = options.start === undefined;

  function record(sample: ProbeSample): void {
    samples.push(sample);
    if (sample.ok) ok += 1;
    else failed += 1;
    options.onSample?.(sample);
  }

  function settleEntry(entry: InFlight, attempt: Attempt): void {
    if (entry.settled) return;
    entry.settled = true;
    inFlight -= 1;
    const end = clock.now();
    record({
      seq: entry.slot,
      intended: entry.intended,
      sent: entry.sent,
      end,
      ok: attempt.ok,
      status: attempt.status,
      error: attempt.error,
      latencyMs: end - entry.sent,
    });
    if (!countsItself) attemptFinished();
  }

  function armDeadline(at: number): void {
    deadlineArmed = true;
    cancelDeadline = clock.after(at - clock.now(), expire);
  }

  /** Times out every slot past its deadline, then waits for the oldest one still unsettled. */
  function expire(): void {
    deadlineArmed = false;
    const t = clock.now();
    while (head < queue.length) {
      const entry = queue[head] as InFlight;
      if (!entry.settled) {
        if (entry.deadline > t) {
          armDeadline(entry.deadline);
          break;
        }
        settleEntry(entry, { ok: false, status: null, error: 'timeout' });
        entry.cancel();
      }
      head += 1;
    }
    if (head > 1_024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  }

  function fire(slot: number, intended: number): void {
    const sent = clock.now();
    const entry: InFlight = {
      slot,
      intended,
      sent,
      deadline: sent + timeoutMs,
      settled: false,
      cancel: () => undefined,
    };
    queue.push(entry);
    inFlight += 1;
    running += 1;
    entry.cancel = startAttempt(slot, (attempt) => settleEntry(entry, attempt));
    if (!deadlineArmed && !entry.settled) armDeadline(entry.deadline);
  }

  function tick(): void {
    cancelTick = undefined;
    if (stopped) return;
    const t = clock.now();
    for (
      let intended = start + seq * interval;
      intended <= t && intended < stopAt;
      intended = start + seq * interval
    ) {
      if (t - intended > maxLag || inFlight >= maxInFlight) {
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
      cancelTick = clock.after(stopAt - clock.now(), () => void finish());
      return;
    }
    cancelTick = clock.after(start + seq * interval - clock.now(), tick);
  }

  async function drain(): Promise<ProbeRun> {
    if (running > 0) await new Promise<void>((resolve) => (idle = resolve));
    cancelDeadline();
    await options.close?.();
    samples.sort((a, b) => a.seq - b.seq);
    const run: ProbeRun = {
      name: options.name,
      kind: options.kind,
      target: options.target,
      mode: options.mode,
      rate: options.rate,
      timeoutMs,
      start,
      end: Math.min(clock.now(), stopAt),
      samples,
    };
    resolveDone(run);
    return run;
  }

  function finish(): Promise<ProbeRun> {
    stopped = true;
    cancelTick?.();
    finished ??= drain();
    return finished;
  }

  function successSince(since: number): number {
    let good = 0;
    let total = 0;
    for (let i = samples.length - 1; i >= 0; i -= 1) {
      const sample = samples[i];
      // Samples arrive in completion order: a timed-out slot lands up to one timeout late.
      if (!sample || sample.intended < since - 2 * timeoutMs) break;
      if (sample.intended < since) continue;
      total += 1;
      if (sample.ok) good += 1;
    }
    return total === 0 ? 1 : good / total;
  }

  cancelTick = clock.after(start - clock.now(), tick);

  return {
    name: options.name,
    done,
    stop: finish,
    successSince,
    progress(): ProbeProgress {
      const recentSuccess = successSince(clock.now() - RECENT_WINDOW_MS);
      return { scheduled: seq, ok, failed, inFlight, recentSuccess };
    },
  };
}
