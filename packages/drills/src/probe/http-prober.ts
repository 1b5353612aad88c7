import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { DrillError } from '../errors.js';
import { classifyError } from './error-class.js';
import { lookupVia, resolverFor } from './resolver.js';
import type { ConnectionMode, ProbeSample, RunningProbe } from './sample.js';
import { startSlotProber, type Attempt } from './slot-prober.js';

export interface HttpProbeOptions {
  readonly url: string;
  readonly name?: string;
  /** Requests per second, scheduled on the clock (open model). */
  readonly rate: number;
  /** `fresh`: a new connection and DNS lookup per request; `keepalive`: one pooled keep-alive agent. */
  readonly mode: ConnectionMode;
  readonly timeoutMs?: number;
  readonly durationMs?: number;
  readonly method?: 'GET' | 'HEAD';
  readonly headers?: Readonly<Record<string, string>>;
  /** Status codes counted as success; default 200-399. */
  readonly okStatus?: (status: number) => boolean;
  readonly maxInFlight?: number;
  readonly offsetMs?: number;
  readonly onSample?: (sample: ProbeSample) => void;
  /** Resolve the host through this DNS server (`host` or `host:port`) on every new connection. */
  readonly dnsServer?: string;
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

/**
 * Starts an open-model HTTP prober. Each slot's request is sent at its scheduled time regardless of
 * earlier responses; success is a response with an accepted status whose body was fully read.
 */
export function startHttpProbe(options: HttpProbeOptions): RunningProbe {
  const url = parseUrl(options.url);
  const secure = url.protocol === 'https:';
  const timeoutMs = options.timeoutMs ?? 1_000;
  const okStatus = options.okStatus ?? defaultOk;
  const agent =
    options.mode === 'keepalive'
      ? new (secure ? HttpsAgent : HttpAgent)({ keepAlive: true, maxSockets: options.maxInFlight ?? 256 })
      : undefined;
  const request = secure ? httpsRequest : httpRequest;
  const lookup = options.dnsServer ? lookupVia(resolverFor(options.dnsServer, timeoutMs)) : undefined;
  const headers: Record<string, string> = { 'user-agent': 'okemesh-probe', ...options.headers };
  if (options.mode === 'fresh') headers.connection = 'close';

  const attempt = (_seq: number, signal: AbortSignal) =>
    new Promise<Attempt>((resolve) => {
      const req = request(url, {
        method: options.method ?? 'GET',
        headers,
        agent: agent ?? false,
        signal,
        ...(lookup ? { lookup } : {}),
      });
      req.on('response', (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        res.on('error', (error) => resolve({ ok: false, status, error: classifyError(error) }));
        res.on('end', () => {
          const ok = okStatus(status);
          resolve({ ok, status, error: ok ? null : 'status' });
        });
        res.resume();
      });
      req.on('error', (error) => resolve({ ok: false, status: null, error: classifyError(error) }));
      req.end();
    });

  return startSlotProber({
    name: options.name ?? `http ${url.host}${url.pathname}`,
    kind: 'http',
    target: url.toString(),
    mode: options.mode,
    rate: options.rate,
    timeoutMs,
    attempt,
    close: () => agent?.destroy(),
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
    ...(options.offsetMs === undefined ? {} : { offsetMs: options.offsetMs }),
    ...(options.onSample === undefined ? {} : { onSample: options.onSample }),
  });
}
