/** Which requests a fault applies to. */
export interface RequestMatcher {
  /** HTTP method (`GET`, `PATCH`, …); any when omitted. */
  readonly method?: string;
  /**
   * URL path: a RegExp tested against the path, or a string matched exactly where `*` stands for any run of
   * characters (`/api/v1/namespaces/istio-system/secrets/*`). Any path when omitted.
   */
  readonly path?: string | RegExp;
  /** Only dry-run requests (`true`) or only real ones (`false`); both when omitted. */
  readonly dryRun?: boolean;
}

export interface FailureFault extends RequestMatcher {
  /** HTTP status to answer with (a `Status` body with the matching reason is sent). */
  readonly status: number;
  /** How many matching requests fail; default 1. `Infinity` for every one until cleared. */
  readonly times?: number;
  readonly message?: string;
  /** Overrides the Status reason derived from the code (e.g. `ServiceUnavailable`). */
  readonly reason?: string;
}

export interface LatencyFault extends RequestMatcher {
  /** Milliseconds to wait before handling each matching request. */
  readonly ms: number;
  /** How many matching requests are delayed; default every one until cleared. */
  readonly times?: number;
}

export interface DropFault extends RequestMatcher {
  /** How many matching requests get their connection reset (no HTTP answer); default 1. */
  readonly times?: number;
}

/** What faults are matched against. */
export interface RequestProbe {
  readonly method: string;
  readonly path: string;
  readonly dryRun: boolean;
}

interface Armed<T> {
  readonly fault: T;
  remaining: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function matches(matcher: RequestMatcher, probe: RequestProbe): boolean {
  if (matcher.method !== undefined && matcher.method.toUpperCase() !== probe.method) return false;
  if (matcher.dryRun !== undefined && matcher.dryRun !== probe.dryRun) return false;
  if (matcher.path === undefined) return true;
  if (matcher.path instanceof RegExp) return matcher.path.test(probe.path);
  const pattern = new RegExp(`^${matcher.path.split('*').map(escapeRegExp).join('.*')}$`);
  return pattern.test(probe.path);
}

/** Takes one use of the first armed fault matching the probe. */
function takeFirst<T extends RequestMatcher>(armed: Armed<T>[], probe: RequestProbe): T | undefined {
  const found = armed.find((a) => a.remaining > 0 && matches(a.fault, probe));
  if (found === undefined) return undefined;
  found.remaining -= 1;
  return found.fault;
}

/** Armed failures, connection drops and latencies; each matching request consumes one use. */
export class FaultPlan {
  private failures: Armed<FailureFault>[] = [];
  private drops: Armed<DropFault>[] = [];
  private latencies: Armed<LatencyFault>[] = [];

  failNext(fault: FailureFault): void {
    this.failures.push({ fault, remaining: fault.times ?? 1 });
  }

  dropNext(fault: DropFault): void {
    this.drops.push({ fault, remaining: fault.times ?? 1 });
  }

  addLatency(fault: LatencyFault): void {
    this.latencies.push({ fault, remaining: fault.times ?? Infinity });
  }

  clear(): void {
    this.failures = [];
    this.drops = [];
    this.latencies = [];
  }

  /** Total delay to apply to this request (consumes latency uses). */
  takeLatency(probe: RequestProbe): number {
    let total = 0;
    for (const armed of this.latencies) {
      if (armed.remaining > 0 && matches(armed.fault, probe)) {
        armed.remaining -= 1;
        total += armed.fault.ms;
      }
    }
    this.latencies = this.latencies.filter((a) => a.remaining > 0);
    return total;
  }

  takeDrop(probe: RequestProbe): boolean {
    const fault = takeFirst(this.drops, probe);
    this.drops = this.drops.filter((a) => a.remaining > 0);
    return fault !== undefined;
  }

  takeFailure(probe: RequestProbe): FailureFault | undefined {
    const fault = takeFirst(this.failures, probe);
    this.failures = this.failures.filter((a) => a.remaining > 0);
    return fault;
  }
}
