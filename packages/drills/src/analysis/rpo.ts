import type { ProbeRun } from '../probe/sample.js';

/** What the sequence writer got: §7 of the drills reference. Times come from the writer's clock only. */
export interface RpoResult {
  readonly acknowledged: number;
  /** Acknowledged writes the surviving database does not hold. */
  readonly lostRows: number;
  readonly lostSeqs: readonly number[];
  /** writer_ts(last lost acknowledged write) - writer_ts(last write preserved before the loss); 0 if none lost. */
  readonly rpoMs: number;
  /** Unacknowledged (failed or timed-out) writes that the database holds anyway: indeterminate, not loss. */
  readonly indeterminate: number;
  /** Highest acknowledged seq sent before the fault. */
  readonly lastAckedBeforeFault: number | null;
  /** Highest seq present in the database. */
  readonly maxPresent: number | null;
  /** First successful write after the write outage - T_f (0 if writes never failed; `null` = never recovered). */
  readonly writeRtoMs: number | null;
}

/** Compares the writer's acknowledgements with the rows the (new) primary actually holds. */
export function measureRpo(writes: ProbeRun, present: Iterable<number>, faultStart: number): RpoResult {
  const held = new Set(present);
  const samples = [...writes.samples].sort((a, b) => a.seq - b.seq);
  const acked = samples.filter((s) => s.ok);
  const lost = acked.filter((s) => !held.has(s.seq));
  const lostSeqs = lost.map((s) => s.seq);
  let rpoMs = 0;
  const firstLost = lost[0];
  const lastLost = lost.at(-1);
  if (firstLost && lastLost) {
    const preserved = acked.filter((s) => s.seq < firstLost.seq && held.has(s.seq)).at(-1);
    rpoMs = lastLost.intended - (preserved ?? firstLost).intended;
  }
  const beforeFault = acked.filter((s) => s.intended < faultStart).at(-1);
  const firstFailed = samples.find((s) => s.intended >= faultStart && !s.ok);
  let writeRtoMs: number | null = 0;
  if (firstFailed) {
    const back = samples.find((s) => s.seq > firstFailed.seq && s.ok);
    writeRtoMs = back ? back.intended - faultStart : null;
  }
  let maxPresent: number | null = null;
  for (const seq of held) if (maxPresent === null || seq > maxPresent) maxPresent = seq;
  return {
    acknowledged: acked.length,
    lostRows: lost.length,
    lostSeqs,
    rpoMs,
    indeterminate: samples.filter((s) => !s.ok && held.has(s.seq)).length,
    lastAckedBeforeFault: beforeFault?.seq ?? null,
    maxPresent,
    writeRtoMs,
  };
}
