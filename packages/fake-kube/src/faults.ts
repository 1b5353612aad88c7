/** Which requests a fault applies to. */
export interface RequestMatcher {
  /** HTTP method (`GET`, `PATCH`, …); any when omitted. */
  readonly method?: string;
  /**
   * URL path: a RegExp tested against the path, or a string matched exactly where `*` stands for any run of
   * characters (`/api/v1/namespaces/istio-system/secrets/*`). Any path when omitted.
   */
  readonly path?: string | RegExp;
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

interface Armed<T> {
  readonly fault: T;
  remaining: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function matches(matcher: RequestMatcher, method: string, path: string): boolean {
  if (matcher.method !== undefined && matcher.method.toUpperCase() !== method) return false;
  if (matcher.path === undefined) return true;
  if (matcher.path instanceof RegExp) return matcher.path.test(path);
  const pattern = new RegExp(`^${matcher.path.split('*').map(escapeRegExp).join('.*')}$`);
  return pattern.test(path);
}

/** Armed failures and latencies; each matching request consumes one use. */
export class FaultPlan {
  private failures: Armed<FailureFault>[] = [];
  private latencies: Armed<LatencyFault>[] = [];

  failNext(fault: FailureFault): void {
    this.failures.push({ fault, remaining: fault.times ?? 1 });
  }

  addLatency(fault: LatencyFault): void {
    this.latencies.push({ fault, remaining: fault.times ?? Infinity });
  }

  clear(): void {
    this.failures = [];
    this.latencies = [];
  }

  /** Total delay to apply to this request (consumes latency uses). */
  takeLatency(method: string, path: string): number {
    let total = 0;
    for (const armed of this.latencies) {
      if (armed.remaining > 0 && matches(armed.fault, method, path)) {
        armed.remaining -= 1;
        total += armed.fault.ms;
      }
    }
    this.latencies = this.latencies.filter((a) => a.remaining > 0);
    return total;
  }

  /** The first armed failure matching this request, consuming one use. */
  takeFailure(method: string, path: string): FailureFault | undefined {
    const armed = this.failures.find((a) => a.remaining > 0 && matches(a.fault, method, path));
    if (armed === undefined) return undefined;
    armed.remaining -= 1;
    this.failures = this.failures.filter((a) => a.remaining > 0);
    return armed.fault;
  }
}
