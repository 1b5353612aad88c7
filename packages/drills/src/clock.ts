/**
 * Milliseconds since the Unix epoch on the monotonic clock: `performance.timeOrigin + performance.now()`.
 * Never jumps with NTP corrections, yet reads as wall-clock time for correlating with cluster events.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** ISO-8601 text of an epoch-millisecond timestamp. */
export function iso(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

/**
 * Where probers and the runner read time and schedule work. The default is the system clock; tests pass a
 * fake clock (see `FakeClock` in test-support) so RTO arithmetic is checked exactly instead of by timing.
 */
export interface Clock {
  /** Epoch milliseconds (monotonic on the system clock). */
  now(): number;
  /** Calls `callback` once after `ms`; the returned function cancels it. */
  after(ms: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now,
  after(ms, callback) {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

export function sleep(ms: number, signal?: AbortSignal, clock: Clock = systemClock): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const cancel = clock.after(Math.max(0, ms), done);
    function done() {
      cancel();
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
