import type { Clock } from '../src/clock.js';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/**
 * A clock that only moves when a test advances it. Timers fire in time order (ties in the order they were
 * set), each seeing `now()` equal to its due time, so RTO arithmetic is exact instead of timing-dependent.
 */
export class FakeClock implements Clock {
  private time: number;
  private order = 0;
  private timers: Timer[] = [];

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, callback: () => void): () => void {
    const timer: Timer = { at: this.time + Math.max(0, ms), order: this.order++, callback, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Moves time forward by `ms`, firing every timer due on the way (and any they set that fall due too). */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      const next = this.timers.reduce<Timer | undefined>(
        (best, t) => (!best || t.at < best.at || (t.at === best.at && t.order < best.order) ? t : best),
        undefined,
      );
      if (!next || next.at > until) break;
      this.time = Math.max(this.time, next.at);
      next.cancelled = true;
      next.callback();
    }
    this.time = until;
  }

  /**
   * Advances `stepMs` at a time until `work` settles, for code under test that mixes clock waits with real I/O
   * (a fake Kubernetes API, journal files). Each step waits for a real timer turn, so I/O completes within a few
   * steps and fake time runs at most `stepMs` per real millisecond; a host stall stops the fake clock too.
   */
  async runUntil<T>(work: Promise<T>, stepMs = 5): Promise<T> {
    let settled = false;
    const tracked = work.finally(() => {
      settled = true;
    });
    while (!settled) {
      this.advance(stepMs);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return tracked;
  }

  /** Advances in `stepMs` steps, letting promise callbacks run between them. */
  async run(ms: number, stepMs = 1): Promise<void> {
    for (let elapsed = 0; elapsed < ms; elapsed += stepMs) {
      this.advance(Math.min(stepMs, ms - elapsed));
      await Promise.resolve();
    }
  }
}
