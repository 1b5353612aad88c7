import type { Clock } from '../clock.js';
import { DrillError } from '../errors.js';
import { classifyError } from './error-class.js';
import type { RunningProbe } from './sample.js';
import { startSlotProber } from './slot-prober.js';

export const comparators = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Comparator = (typeof comparators)[number];

export interface PromqlProbeOptions {
  readonly name?: string;
  /** Prometheus base URL, e.g. http://prometheus.istio-system:9090 */
  readonly url: string;
  readonly query: string;
  readonly comparator: Comparator;
  readonly threshold: number;
  readonly rate: number;
  readonly timeoutMs?: number;
  readonly durationMs?: number;
  /** Time source and timers (a fake clock in tests). */
  readonly clock?: Clock;
}

export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

interface InstantQuery {
  readonly status?: string;
  readonly data?: { readonly resultType?: string; readonly result?: unknown };
}

type Sample = readonly [number, string];

/** The scalar of an instant query: a scalar result, or the single sample of a one-element vector. */
export function instantValue(body: InstantQuery): number | undefined {
  if (body.status !== 'success' || !body.data || !Array.isArray(body.data.result)) return undefined;
  const { resultType, result } = body.data;
  if (resultType === 'scalar') return Number((result as unknown as Sample)[1]);
  if (resultType === 'vector' && result.length === 1) {
    const value = (result[0] as { value?: Sample } | undefined)?.value;
    return value ? Number(value[1]) : undefined;
  }
  return undefined;
}

/**
 * Evaluates a PromQL instant query at a fixed rate (`GET /api/v1/query`): success while the value satisfies
 * `comparator threshold`. An empty or multi-series result is a failure: the threshold is undefined for it.
 */
export function startPromqlProbe(options: PromqlProbeOptions): RunningProbe {
  let base: URL;
  try {
    base = new URL('api/v1/query', options.url.endsWith('/') ? options.url : `${options.url}/`);
  } catch (cause) {
    throw new DrillError('DRILL_PROBE_INVALID', `not a Prometheus URL: ${options.url}`, { cause });
  }
  return startSlotProber({
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    name: options.name ?? `promql ${options.query} ${options.comparator} ${options.threshold}`,
    kind: 'promql',
    target: base.origin,
    mode: null,
    rate: options.rate,
    timeoutMs: options.timeoutMs ?? 2_000,
    attempt: async (_seq, signal) => {
      try {
        const url = new URL(base);
        url.searchParams.set('query', options.query);
        const response = await fetch(url, { signal });
        if (!response.ok) return { ok: false, status: response.status, error: 'status' };
        const value = instantValue((await response.json()) as InstantQuery);
        const ok =
          value !== undefined &&
          !Number.isNaN(value) &&
          compare(value, options.comparator, options.threshold);
        return { ok, status: response.status, error: ok ? null : 'status' };
      } catch (error) {
        return { ok: false, status: null, error: classifyError(error) };
      }
    },
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
  });
}
