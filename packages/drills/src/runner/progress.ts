import type { RunningProbe } from '../probe/sample.js';

export type DrillPhase = 'preflight' | 'steady-state' | 'inject' | 'hold' | 'revert' | 'verify' | 'report';

/** What `onProgress` receives about once a second. */
export interface DrillProgress {
  readonly phase: DrillPhase;
  readonly elapsedMs: number;
  readonly probes: readonly {
    readonly name: string;
    readonly recentSuccess: number;
    readonly ok: number;
    readonly failed: number;
  }[];
}

export function progressOf(
  phase: DrillPhase,
  startedAt: number,
  at: number,
  probes: readonly RunningProbe[],
): DrillProgress {
  return {
    phase,
    elapsedMs: at - startedAt,
    probes: probes.map((p) => {
      const progress = p.progress();
      return {
        name: p.name,
        recentSuccess: progress.recentSuccess,
        ok: progress.ok,
        failed: progress.failed,
      };
    }),
  };
}

/** One progress line: `hold 12.3s  journey-fresh 100% ok  dns 40% ok`. */
export function formatProgress(progress: DrillProgress): string {
  const probes = progress.probes.map((p) => `${p.name} ${(p.recentSuccess * 100).toFixed(0)}% ok`).join('  ');
  return `${progress.phase.padEnd(12)} ${(progress.elapsedMs / 1000).toFixed(1).padStart(6)}s  ${probes}`;
}
