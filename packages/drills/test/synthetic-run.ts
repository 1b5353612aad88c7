import type { ProbeRun, ProbeSample } from '../src/probe/sample.js';

/** Probe samples from a pattern: `.` ok, `x` refused, one slot per 1/rate from `start`, each `latencyMs` long. */
export function syntheticSamples(
  pattern: string,
  options: { start: number; rate: number; latencyMs: number },
): ProbeSample[] {
  const { start, rate, latencyMs } = options;
  return [...pattern].map((c, seq) => {
    const intended = start + (seq * 1_000) / rate;
    const ok = c === '.';
    return {
      seq,
      intended,
      sent: intended,
      end: intended + latencyMs,
      ok,
      status: ok ? 200 : null,
      error: ok ? null : 'refused',
      latencyMs,
    };
  });
}

/** A probe run from a pattern: `.` ok, `x` failed, one slot per 1/rate from `start`. */
export function syntheticRun(
  name: string,
  pattern: string,
  options: { start?: number; rate?: number } = {},
): ProbeRun {
  const start = options.start ?? 1_700_000_000_000;
  const rate = options.rate ?? 10;
  const samples = syntheticSamples(pattern, { start, rate, latencyMs: 3 });
  return {
    name,
    kind: 'http',
    target: 'http://127.0.0.1/',
    mode: 'fresh',
    rate,
    timeoutMs: 1_000,
    start,
    end: start + (pattern.length * 1_000) / rate,
    samples,
  };
}
