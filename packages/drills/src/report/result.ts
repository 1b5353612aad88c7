import type { ProbeSummary } from '../analysis/probe-summary.js';
import type { Recovery } from '../analysis/recovery.js';
import type { RpoResult } from '../analysis/rpo.js';
import type { SloCheck } from '../analysis/verdict.js';
import type { ProbeRun } from '../probe/sample.js';

/** pass: every SLO met; fail: an SLO breached; aborted: an abort rule or max duration stopped it; error: it broke. */
export type DrillOutcome = 'pass' | 'fail' | 'aborted' | 'error';

export interface PhaseMark {
  readonly phase: string;
  readonly at: number;
}

/** One bucket of a probe's timeline: success ratio and p99 latency of the slots intended in it. */
export interface TimelineBucket {
  readonly t: number;
  readonly success: number;
  readonly p99Ms: number | null;
}

export interface ProbeTimeline {
  readonly probe: string;
  readonly bucketMs: number;
  readonly buckets: readonly TimelineBucket[];
}

/** Everything a drill measured and decided; written into the journal and rendered by every report. */
export interface DrillResult {
  readonly drill: string;
  readonly scenario: string | null;
  readonly topology: string;
  readonly outcome: DrillOutcome;
  readonly reason: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly faultStart: number | null;
  readonly faultEnd: number | null;
  readonly phases: readonly PhaseMark[];
  readonly probes: readonly ProbeSummary[];
  readonly recoveries: readonly Recovery[];
  readonly rpo: RpoResult | null;
  readonly checks: readonly SloCheck[];
  readonly timelines: readonly ProbeTimeline[];
  readonly warnings: readonly string[];
}

/** Buckets a run for the timeline chart (success ratio and p99 per bucket, by intended time). */
export function timeline(run: ProbeRun, bucketMs = 250): ProbeTimeline {
  const groups = new Map<number, { ok: number; total: number; latencies: number[] }>();
  for (const sample of run.samples) {
    const key = Math.floor((sample.intended - run.start) / bucketMs);
    const group = groups.get(key) ?? { ok: 0, total: 0, latencies: [] };
    group.total += 1;
    if (sample.ok) {
      group.ok += 1;
      if (sample.latencyMs !== null) group.latencies.push(sample.latencyMs);
    }
    groups.set(key, group);
  }
  const buckets = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, g]): TimelineBucket => {
      g.latencies.sort((a, b) => a - b);
      const p99 = g.latencies.length ? (g.latencies[Math.ceil(0.99 * g.latencies.length) - 1] ?? null) : null;
      return {
        t: run.start + key * bucketMs,
        success: g.ok / g.total,
        p99Ms: p99 === null ? null : Math.round(p99 * 100) / 100,
      };
    });
  return { probe: run.name, bucketMs, buckets };
}
