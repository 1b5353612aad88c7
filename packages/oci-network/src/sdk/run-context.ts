import { OciNetworkError } from '../errors.js';
import type { DesiredRegion } from '../model/desired-network.js';
import type { PlannedChange } from '../model/plan.js';
import type { WaitOptions } from './api-call.js';
import type { RegionClients } from './clients.js';

/** Per-step deadlines. Real OCI: DRGs and attachments take minutes, peering up to several. */
export interface StepTimeouts {
  readonly drg: number;
  readonly attachment: number;
  readonly rpc: number;
  readonly peering: number;
  readonly nsg: number;
  readonly dns: number;
}

export const DEFAULT_TIMEOUTS: StepTimeouts = {
  drg: 10 * 60_000,
  attachment: 10 * 60_000,
  rpc: 5 * 60_000,
  peering: 10 * 60_000,
  nsg: 2 * 60_000,
  dns: 5 * 60_000,
};

export interface ProgressEvent {
  readonly region: string;
  readonly message: string;
}

export interface RunOptions {
  /** Receives one line per step as it happens. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Stops between steps (a re-run resumes from OCI state). */
  readonly signal?: AbortSignal;
  /** Poll interval of waits. Default 5000 ms. */
  readonly pollIntervalMs?: number;
  readonly timeouts?: Partial<StepTimeouts>;
  /** Baseline mode for benchmarks: regions and tables one after another instead of in parallel. */
  readonly sequential?: boolean;
}

/** Everything a step needs for one region, plus what earlier steps discovered. */
export class RegionRun {
  readonly changes: PlannedChange[] = [];
  vcnId = '';
  drgId: string | undefined;
  attachmentId: string | undefined;
  /** Subnets of the cluster VCN: route table and security lists of each. */
  subnets: { id: string; routeTableId: string; securityListIds: string[] }[] = [];
  loadBalancerSubnetIds: string[] = [];
  endpointSubnetId: string | undefined;
  readonly rpcIds = new Map<string, string>();
  private readonly timeouts: StepTimeouts;

  constructor(
    readonly mesh: string,
    readonly desired: DesiredRegion,
    readonly clients: RegionClients,
    readonly apply: boolean,
    readonly options: RunOptions,
  ) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  }

  get region(): string {
    return this.desired.region;
  }

  get compartmentId(): string {
    return this.desired.compartmentId;
  }

  record(change: Omit<PlannedChange, 'region'>): void {
    this.changes.push({ region: this.region, ...change });
  }

  progress(message: string): void {
    this.options.onProgress?.({ region: this.region, message });
  }

  checkAbort(): void {
    if (this.options.signal?.aborted)
      throw new OciNetworkError(
        'OCI_ABORTED',
        `aborted in ${this.region}; re-run to resume from the current OCI state`,
      );
  }

  wait(step: keyof StepTimeouts): WaitOptions {
    return {
      timeoutMs: this.timeouts[step],
      intervalMs: this.options.pollIntervalMs ?? 5000,
      signal: this.options.signal,
    };
  }
}

/** Runs `task` for every item: in parallel, or one after another in sequential (baseline) mode. */
export async function forEach<T>(
  items: readonly T[],
  sequential: boolean | undefined,
  task: (item: T) => Promise<void>,
): Promise<void> {
  if (!sequential) {
    const results = await Promise.allSettled(items.map(task));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    return;
  }
  for (const item of items) await task(item);
}
