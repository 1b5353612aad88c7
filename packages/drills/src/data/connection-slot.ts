import { DrillError } from '../errors.js';

/**
 * One connection with a serial queue: a failed or aborted statement drops the connection, so the next one
 * reconnects (a dead primary fails fast instead of hanging every later write behind it).
 */
export class ConnectionSlot<C> {
  private client: Promise<C> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly open: () => Promise<C>,
    private readonly close: (client: C) => Promise<void>,
  ) {}

  get busy(): number {
    return this.pending;
  }

  run<T>(work: (client: C) => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.pending += 1;
    const task = this.queue.then(async () => {
      signal?.throwIfAborted();
      const client = await (this.client ??= this.connect());
      const onAbort = () => this.reset();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await work(client);
      } catch (error) {
        this.reset();
        throw error;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    });
    const settled = task.finally(() => {
      this.pending -= 1;
    });
    this.queue = settled.catch(() => undefined);
    return settled;
  }

  private connect(): Promise<C> {
    const opening = this.open();
    opening.catch(() => {
      if (this.client === opening) this.client = undefined;
    });
    return opening;
  }

  reset(): void {
    const old = this.client;
    this.client = undefined;
    old?.then(
      (c) => this.close(c).catch(() => undefined),
      () => undefined,
    );
  }

  async end(): Promise<void> {
    await this.queue;
    this.reset();
  }
}

/** The least busy of a few slots: writes overlap (open model) without ever sharing a connection. */
export function leastBusy<C>(slots: readonly ConnectionSlot<C>[]): ConnectionSlot<C> {
  let best = slots[0];
  if (!best) throw new DrillError('DRILL_WRITER_FAILED', 'no database connections configured');
  for (const slot of slots) if (slot.busy < best.busy) best = slot;
  return best;
}
