import { Pool, type Dispatcher } from 'undici';
import type { Clock } from '../clock.js';
import { DrillError } from '../errors.js';
import { classifyError } from './error-class.js';
import { lookupVia, resolverFor } from './resolver.js';
import type { ConnectionMode, ProbeSample, RunningProbe } from './sample.js';
import { startSlotProber, type Attempt, type StartAttemptFn } from './slot-prober.js';

export interface HttpProbeOptions {
  readonly url: string;
  readonly name?: string;
  /** Requests per second, scheduled on the clock (open model). */
  readonly rate: number;
  /** `fresh`: a new connection and DNS lookup per request; `keepalive`: a pool of keep-alive connections. */
  readonly mode: ConnectionMode;
  readonly timeoutMs?: number;
  readonly durationMs?: number;
  readonly method?: 'GET' | 'HEAD';
  readonly headers?: Readonly<Record<string, string>>;
  /** Status codes counted as success; default 200-399. */
  readonly okStatus?: (status: number) => boolean;
  readonly maxInFlight?: number;
  /** Keep-alive connections at most (default 256); `fresh` opens one per in-flight request. */
  readonly connections?: number;
  /** HTTP/1.1 requests in flight per keep-alive connection (default 1: no head-of-line blocking). */
  readonly pipelining?: number;
  readonly offsetMs?: number;
  readonly onSample?: (sample: ProbeSample) => void;
  /** Resolve the host through this DNS server (`host` or `host:port`) on every new connection. */
  readonly dnsServer?: string;
  readonly clock?: Clock;
}

const defaultOk = (status: number) => status >= 200 && status < 400;

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new DrillError('DRILL_PROBE_INVALID', `not a URL: ${text}`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DrillError(
      'DRILL_PROBE_INVALID',
      `probe URLs must be http:// or https://, got ${url.protocol}`,
    );
  }
  return url;
}

const TIMED_OUT = new Error('probe slot timed out');

/**
 * One slot's request on undici's dispatcher API: no stream, promise or AbortController per request (the
 * handler's methods live on the prototype), the body is drained and dropped. Cancelling before undici wrote
 * the request aborts it as soon as it would be written.
 */
class SlotRequest implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private cancelled = false;
  private status = 0;

  constructor(
    private readonly settle: (attempt: Attempt) => void,
    private readonly okStatus: (status: number) => boolean,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.controller?.abort(TIMED_OUT);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.cancelled) controller.abort(TIMED_OUT);
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(): void {}

  onResponseEnd(): void {
    const ok = this.okStatus(this.status);
    this.settle({ ok, status: this.status, error: ok ? null : 'status' });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.settle({ ok: false, status: this.status === 0 ? null : this.status, error: classifyError(error) });
  }
}

function dispatchAttempt(
  pool: Pool,
  request: Dispatcher.DispatchOptions,
  okStatus: (status: number) => boolean,
): StartAttemptFn {
  return (_seq, settle) => {
    const slot = new SlotRequest(settle, okStatus);
    pool.dispatch(request, slot);
    return () => slot.cancel();
  };
}

/**
 * Starts an open-model HTTP prober. Each slot's request is sent at its scheduled time regardless of
 * earlier responses; success is a response with an accepted status whose body was fully read.
 */
export function startHttpProbe(options: HttpProbeOptions): RunningProbe {
  const url = parseUrl(options.url);
  const timeoutMs = options.timeoutMs ?? 1_000;
  const okStatus = options.okStatus ?? defaultOk;
  const fresh = options.mode === 'fresh';
  const lookup = options.dnsServer ? lookupVia(resolverFor(options.dnsServer, timeoutMs)) : undefined;
  const pool = new Pool(url.origin, {
    // `fresh` must never queue behind a busy connection: the slot cap bounds how many are open.
    connections: fresh ? null : (options.connections ?? 256),
    pipelining: fresh ? 1 : (options.pipelining ?? 1),
    // The slot prober times every request out itself; undici's own timers would only duplicate it.
    headersTimeout: 0,
    bodyTimeout: 0,
    connectTimeout: timeoutMs,
    ...(lookup ? { connect: { lookup } } : {}),
  });
  const request: Dispatcher.DispatchOptions = {
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method: options.method ?? 'GET',
    // A flat name/value list, built once: undici walks it per request without allocating.
    headers: Object.entries({ 'user-agent': 'okemesh-probe', ...options.headers }).flat(),
    // `reset` sends `connection: close` and drops the socket after the response: one connection per request.
    reset: fresh,
  };

  return startSlotProber({
    name: options.name ?? `http ${url.host}${url.pathname}`,
    kind: 'http',
    target: url.toString(),
    mode: options.mode,
    rate: options.rate,
    timeoutMs,
    start: dispatchAttempt(pool, request, okStatus),
    close: () => pool.destroy(),
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
    ...(options.offsetMs === undefined ? {} : { offsetMs: options.offsetMs }),
    ...(options.onSample === undefined ? {} : { onSample: options.onSample }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
}
