const unitMs: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 0.000001,
};

/** A protobuf/Go duration (`10s`, `1.5m`, `500ms`, `1h30m`) in milliseconds, or undefined when malformed. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    total += Number(m[1]) * (unitMs[m[2] ?? ''] ?? 0);
    consumed = re.lastIndex;
  }
  return consumed === value.length ? total : undefined;
}
