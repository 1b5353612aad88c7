import type { PlannedChange } from '../model/plan.js';
import { OciNetworkError } from '../errors.js';
import type { WaitOptions } from './api-call.js';
import type { RegionClients } from './clients.js';
import { DEFAULT_TIMEOUTS, type RunOptions } from './run-context.js';

/** State of one DNS run (DNS and Health Checks are global: changes are reported under region `global`). */
export class DnsRun {
  readonly changes: PlannedChange[] = [];

  constructor(
    readonly mesh: string,
    readonly clients: RegionClients,
    readonly compartmentId: string,
    readonly apply: boolean,
    readonly options: RunOptions,
  ) {}

  record(change: Omit<PlannedChange, 'region'>): void {
    this.changes.push({ region: 'global', ...change });
  }

  progress(message: string): void {
    this.options.onProgress?.({ region: 'global', message });
  }

  checkAbort(): void {
    if (this.options.signal?.aborted)
      throw new OciNetworkError('OCI_ABORTED', 'DNS apply aborted; re-run to resume');
  }

  wait(): WaitOptions {
    return {
      timeoutMs: this.options.timeouts?.dns ?? DEFAULT_TIMEOUTS.dns,
      intervalMs: this.options.pollIntervalMs ?? 5000,
      signal: this.options.signal,
    };
  }
}

/** Stable JSON for comparing what OCI returns with what okemesh wants (key order and `undefined` ignored). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined && x !== null)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
