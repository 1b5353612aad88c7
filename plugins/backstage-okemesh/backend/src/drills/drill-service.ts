import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DrillDefinition, DrillRun, DrillScenario } from '@okemesh/backstage-plugin-okemesh-common';
import {
  scenarioDescriptions,
  scenarioDrill,
  scenarioMeasures,
  scenarioNames,
  type Drill,
} from '@okemesh/drills';
import { parseDuration, type Topology } from '@okemesh/topology';
import { randomUUID } from 'node:crypto';
import { OkemeshBackendError } from '../errors.js';
import type { OkemeshDrillRunner } from './drill-runner.js';
import type { DrillStore } from './drill-store.js';

/** The scenarios this topology can run (a scenario the topology cannot express is left out). */
export function drillDefinitions(topology: Topology): DrillDefinition[] {
  return scenarioNames.flatMap((scenario) => {
    try {
      scenarioDrill(scenario, topology);
    } catch {
      return [];
    }
    return [{ scenario, description: scenarioDescriptions[scenario], measures: scenarioMeasures(scenario) }];
  });
}

export function drillFor(topology: Topology, scenario: string): Drill {
  if (!drillDefinitions(topology).some((d) => d.scenario === scenario)) {
    throw new OkemeshBackendError(
      'OKEMESH_UNKNOWN_SCENARIO',
      `"${scenario}" is not a drill of this topology; one of: ${drillDefinitions(topology)
        .map((d) => d.scenario)
        .join(', ')}`,
    );
  }
  return scenarioDrill(scenario as DrillScenario, topology);
}

const seconds = (duration: string): number | undefined => {
  const ms = parseDuration(duration);
  return ms === undefined ? undefined : ms / 1000;
};

/** Starts drills under the entity lock and runs them in the background, recording progress. */
export class DrillService {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly store: DrillStore,
    private readonly runner: () => OkemeshDrillRunner,
    private readonly logger: LoggerService,
  ) {}

  async start(
    entityRef: string,
    topology: Topology,
    scenario: string,
    initiatedBy: string,
  ): Promise<DrillRun> {
    const drill = drillFor(topology, scenario);
    const rto = seconds(topology.spec.slos.rto);
    const rpo = seconds(topology.spec.slos.rpo);
    const run = await this.store.start({
      id: randomUUID(),
      entityRef,
      scenario: scenario as DrillScenario,
      initiatedBy,
      startedAt: new Date(),
      ...(rto === undefined ? {} : { sloRtoSeconds: rto }),
      ...(rpo === undefined ? {} : { sloRpoSeconds: rpo }),
    });
    const task = this.execute(run, drill, topology).finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
    return run;
  }

  private async execute(run: DrillRun, drill: Drill, topology: Topology): Promise<void> {
    try {
      const outcome = await this.runner().run({
        runId: run.id,
        entityRef: run.entityRef,
        scenario: run.scenario,
        drill,
        topology,
        signal: this.abort.signal,
        progress: (phase, detail) =>
          this.store.progress(run.id, { at: new Date().toISOString(), phase, ...(detail ? { detail } : {}) }),
      });
      await this.store.finish(run.id, { ...outcome, finishedAt: new Date() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `okemesh drill ${run.id} (${run.scenario}, ${run.entityRef}) failed to run: ${message}`,
      );
      await this.store.finish(run.id, { status: 'error', finishedAt: new Date(), message });
    }
  }

  /** Waits for running drills (tests, and shutdown after the runner's signal is aborted). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  async shutdown(): Promise<void> {
    this.abort.abort();
    await this.settle();
  }
}
