import type { ProbeSample, RunningProbe } from './sample.js';
import { startSlotProber } from './slot-prober.js';
import { classifyError } from './error-class.js';

/** Writes row `seq` stamped with the writer's clock `writerTs`; resolves once the commit is acknowledged. */
export type SequenceWrite = (seq: number, writerTs: number, signal: AbortSignal) => Promise<void>;

export interface SequenceWriterOptions {
  readonly name?: string;
  readonly target: string;
  /** Writes per second (open model: a slow commit never delays the next write). */
  readonly rate: number;
  readonly timeoutMs?: number;
  readonly durationMs?: number;
  readonly maxInFlight?: number;
  readonly write: SequenceWrite;
  readonly onSample?: (sample: ProbeSample) => void;
}

/**
 * The RPO writer: client-generated sequence numbers at a fixed rate, one acknowledged (`ok`) sample per
 * committed write. Compare its run with the rows the surviving database holds using `measureRpo`.
 */
export function startSequenceWriter(options: SequenceWriterOptions): RunningProbe {
  return startSlotProber({
    name: options.name ?? `writer ${options.target}`,
    kind: 'writer',
    target: options.target,
    mode: null,
    rate: options.rate,
    timeoutMs: options.timeoutMs ?? 1_000,
    maxInFlight: options.maxInFlight ?? 64,
    attempt: async (seq, signal) => {
      try {
        await options.write(seq, Date.now(), signal);
        return { ok: true, status: null, error: null };
      } catch (error) {
        return { ok: false, status: null, error: classifyError(error) };
      }
    },
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    ...(options.onSample === undefined ? {} : { onSample: options.onSample }),
  });
}
