/** Why a probe slot did not succeed. `unsent` = the slot could not be sent on time (counts as a failure). */
export type ErrorClass = 'unsent' | 'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'status' | 'other';

/** One scheduled probe slot. Times are epoch milliseconds on the monotonic clock (see `now()`). */
export interface ProbeSample {
  readonly seq: number;
  /** When the open-model schedule wanted the request sent: `start + seq / rate`. Outages are classified by it. */
  readonly intended: number;
  /** When it was actually sent; `null` for an unsent slot. */
  readonly sent: number | null;
  /** When the outcome was known. */
  readonly end: number;
  readonly ok: boolean;
  readonly status: number | null;
  readonly error: ErrorClass | null;
  /** Service time `end - sent` for sent requests. */
  readonly latencyMs: number | null;
}

export type ProbeKind = 'http' | 'dns' | 'kube' | 'promql' | 'writer';
export type ConnectionMode = 'fresh' | 'keepalive';

/** Everything one prober recorded. `samples` are ordered by `seq`. */
export interface ProbeRun {
  readonly name: string;
  readonly kind: ProbeKind;
  readonly target: string;
  readonly mode: ConnectionMode | null;
  readonly rate: number;
  readonly timeoutMs: number;
  readonly start: number;
  readonly end: number;
  readonly samples: readonly ProbeSample[];
}

/** A prober that is running; `stop()` ends scheduling, waits for in-flight requests and returns the run. */
export interface RunningProbe {
  readonly name: string;
  progress(): ProbeProgress;
  /** Success ratio of completed slots intended at or after `since` (1 when none completed). */
  successSince(since: number): number;
  stop(): Promise<ProbeRun>;
  /** Resolves when a `durationMs` run has finished by itself. */
  readonly done: Promise<ProbeRun>;
}

export interface ProbeProgress {
  readonly scheduled: number;
  readonly ok: number;
  readonly failed: number;
  readonly inFlight: number;
  /** Success ratio of the last second of completed slots (1 when nothing completed yet). */
  readonly recentSuccess: number;
}
