import type { ProbeRun, ProbeSample } from '../probe/sample.js';

/** What the sequence writer got: §7 of the drills reference. Times come from the writer's clock only. */
export interface RpoResult {
  /** Name of the writer run (its row in the timeline). */
  readonly writer: string;
  readonly acknowledged: number;
  /** Acknowledged writes the surviving database does not hold. */
  readonly lostRows: number;
  readonly lostSeqs: readonly number[];
  /**
   * writer_ts(last lost acknowledged write) - writer_ts(last write preserved before the first loss): the time
   * between the last row that survived and the last acknowledged row that did not; 0 if none was lost.
   */
  readonly rpoMs: number;
  /** The true RPO lies within rpoMs ± boundMs: one write interval (1/rate) plus the clock error. */
  readonly boundMs: number;
  /** Writes per second of the writer. */
  readonly writeRate: number;
  /** Writer clock error: configured clock error + commit latency (stamp to ack) of the two rows bounding the loss. */
  readonly clockErrorMs: number;
  /** Unacknowledged (failed or timed-out) writes that the database holds anyway: indeterminate, not loss. */
  readonly indeterminate: number;
  /** Highest acknowledged seq whose ack arrived before the fault. */
  readonly lastAckedBeforeFault: number | null;
  /** Last acknowledged seq the database holds before the first lost one (the loss starts after it). */
  readonly lastSurviving: number | null;
  /** Lost rows acknowledged after every fault was injected (an old primary still accepting writes: split brain). */
  readonly lostAfterFault: number;
  /** Highest seq present in the database. */
  readonly maxPresent: number | null;
  /** First successful write after the write outage - T_f (0 if writes never failed; `null` = never recovered). */
  readonly writeRtoMs: number | null;
  /** Replication lag the primary reported just before the fault (the RPO to expect), when known. */
  readonly expectedLagMs: number | null;
  /** Writer-clock window of the loss: from the last surviving row's stamp to the last lost row's; null if none lost. */
  readonly lossWindow: { readonly from: number; readonly to: number } | null;
}

export interface RpoOptions {
  /** Error of the writer clock on top of the measured commit latency (default 1 ms: Date.now resolution). */
  readonly clockErrorMs?: number;
  readonly expectedLagMs?: number | null;
  /** When the injection finished (default: the fault start). */
  readonly injectedAt?: number;
}

/** When the writer stamped the row (its writer_ts): the send time, or the schedule for a never-sent slot. */
const stamp = (s: ProbeSample) => s.sent ?? s.intended;
const commitLatency = (s: ProbeSample | undefined) => (s && s.sent !== null ? s.end - s.sent : 0);

/** Compares the writer's acknowledgements with the rows the (new) primary actually holds. */
export function measureRpo(
  writes: ProbeRun,
  present: Iterable<number>,
  faultStart: number,
  options: RpoOptions = {},
): RpoResult {
  const held = new Set(present);
  const samples = [...writes.samples].sort((a, b) => a.seq - b.seq);
  const acked = samples.filter((s) => s.ok);
  const lost = acked.filter((s) => !held.has(s.seq));
  const firstLost = lost[0];
  const lastLost = lost.reduce<ProbeSample | undefined>(
    (latest, s) => (!latest || stamp(s) > stamp(latest) ? s : latest),
    undefined,
  );
  const preserved = firstLost
    ? acked.filter((s) => s.seq < firstLost.seq && held.has(s.seq)).at(-1)
    : undefined;
  const rpoMs = firstLost && lastLost ? stamp(lastLost) - stamp(preserved ?? firstLost) : 0;
  const clockErrorMs =
    (options.clockErrorMs ?? 1) + Math.max(commitLatency(lastLost), commitLatency(preserved));
  const beforeFault = acked.filter((s) => s.end < faultStart).at(-1);
  const firstFailed = samples.find((s) => s.intended >= faultStart && !s.ok);
  let writeRtoMs: number | null = 0;
  if (firstFailed) {
    const back = samples.find((s) => s.seq > firstFailed.seq && s.ok);
    writeRtoMs = back ? back.intended - faultStart : null;
  }
  let maxPresent: number | null = null;
  for (const seq of held) if (maxPresent === null || seq > maxPresent) maxPresent = seq;
  return {
    writer: writes.name,
    acknowledged: acked.length,
    lostRows: lost.length,
    lostSeqs: lost.map((s) => s.seq),
    rpoMs,
    boundMs: 1_000 / writes.rate + clockErrorMs,
    writeRate: writes.rate,
    clockErrorMs,
    indeterminate: samples.filter((s) => !s.ok && held.has(s.seq)).length,
    lastAckedBeforeFault: beforeFault?.seq ?? null,
    lastSurviving: firstLost ? (preserved?.seq ?? null) : (acked.at(-1)?.seq ?? null),
    lostAfterFault: lost.filter((s) => s.end > (options.injectedAt ?? faultStart)).length,
    maxPresent,
    writeRtoMs,
    expectedLagMs: options.expectedLagMs ?? null,
    lossWindow: firstLost && lastLost ? { from: stamp(preserved ?? firstLost), to: stamp(lastLost) } : null,
  };
}
