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

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
