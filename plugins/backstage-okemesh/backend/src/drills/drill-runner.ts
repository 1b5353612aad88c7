import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DrillScenario } from '@okemesh/backstage-plugin-okemesh-common';
import type { Drill } from '@okemesh/drills';
import type { Topology } from '@okemesh/topology';

export interface DrillRunInput {
  readonly runId: string;
  readonly entityRef: string;
  readonly scenario: DrillScenario;
  /** The drill spec `okemesh drill run` would execute for this scenario and topology. */
  readonly drill: Drill;
  readonly topology: Topology;
  readonly signal: AbortSignal;
  /** Live progress: shown by the Failover tab and written to the journal. */
  progress(phase: string, detail?: Readonly<Record<string, unknown>>): Promise<void>;
}

export interface DrillRunOutcome {
  readonly status: 'passed' | 'failed';
  readonly rtoSeconds?: number;
  readonly rpoSeconds?: number;
  /** Markdown report (e.g. `markdownReport()` of @okemesh/drills). */
  readonly report: string;
  readonly message?: string;
}

/**
 * Executes drills. Runs server-side with the kube/OCI credentials from `okemesh.*` config; nothing it
 * holds is ever sent to a client.
 */
export interface OkemeshDrillRunner {
  run(input: DrillRunInput): Promise<DrillRunOutcome>;
}

export interface OkemeshDrillRunnerExtensionPoint {
  setDrillRunner(runner: OkemeshDrillRunner): void;
}

/** A backend module installs the runner that talks to the clusters. */
export const okemeshDrillRunnerExtensionPoint = createExtensionPoint<OkemeshDrillRunnerExtensionPoint>({
  id: 'okemesh.drill-runner',
});

/** Without a runner module, a drill is recorded and ends in `error`, saying what to install. */
export const unconfiguredDrillRunner: OkemeshDrillRunner = {
  async run() {
    throw new Error(
      'no drill runner is installed: add a backend module that calls okemeshDrillRunnerExtensionPoint.setDrillRunner()',
    );
  },
};
