/** Random faults the fake injects, reproducible from a seed. */
export interface FaultOptions {
  /** Share of requests (0-1) answered with an error status instead of being processed. */
  readonly rate?: number;
  /** Statuses to pick from; default 429 TooManyRequests, 500, 503. */
  readonly statuses?: readonly number[];
  /** Share of mutating requests (0-1) that are processed and then lose their response (a timeout for the client). */
  readonly dropRate?: number;
  readonly seed?: number;
}

const CODES: Readonly<Record<number, string>> = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function faultCode(status: number): string {
  return CODES[status] ?? 'InternalServerError';
}

/** mulberry32: a tiny deterministic PRNG, so a failing fault test can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
