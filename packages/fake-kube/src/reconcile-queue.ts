/**
 * A controller work queue: keys marked dirty are reconciled together on the next macrotask, like a real
 * controller's asynchronous sync loop. Reconciles that change objects may mark keys dirty again.
 */
export class ReconcileQueue {
  private readonly dirty = new Set<string>();
  private scheduled: NodeJS.Immediate | undefined;
  private stopped = false;

  constructor(private readonly reconcile: (key: string) => void) {}

  enqueue(key: string): void {
    if (this.stopped) return;
    this.dirty.add(key);
    this.scheduled ??= setImmediate(() => this.drain());
  }

  busy(): boolean {
    return this.dirty.size > 0 || this.scheduled !== undefined;
  }

  stop(): void {
    this.stopped = true;
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.dirty.clear();
  }

  private drain(): void {
    this.scheduled = undefined;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) this.reconcile(key);
  }
}
