import type { Clock } from '../clock.js';
import type { KubeApi } from '../kube/object.js';
import { classifyError } from './error-class.js';
import type { RunningProbe } from './sample.js';
import { startSlotProber } from './slot-prober.js';

export interface KubeReadyProbeOptions {
  readonly name?: string;
  readonly api: KubeApi;
  readonly namespace: string;
  readonly deployment: string;
  /** Ready replicas that count as success; default 1. */
  readonly minReady?: number;
  readonly rate: number;
  readonly timeoutMs?: number;
  readonly durationMs?: number;
  /** Time source and timers (a fake clock in tests). */
  readonly clock?: Clock;
}

/** Polls a Deployment's `status.readyReplicas` at a fixed rate: success while at least `minReady` are Ready. */
export function startKubeReadyProbe(options: KubeReadyProbeOptions): RunningProbe {
  const minReady = options.minReady ?? 1;
  const ref = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: options.namespace,
    name: options.deployment,
  };
  return startSlotProber({
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    name: options.name ?? `ready ${options.api.cluster}/${options.namespace}/${options.deployment}`,
    kind: 'kube',
    target: `${options.api.cluster}/${options.namespace}/${options.deployment}`,
    mode: null,
    rate: options.rate,
    timeoutMs: options.timeoutMs ?? 2_000,
    attempt: async () => {
      try {
        const deployment = await options.api.read(ref);
        const ready =
          typeof deployment?.status?.readyReplicas === 'number' ? deployment.status.readyReplicas : 0;
        const ok = ready >= minReady;
        return { ok, status: ready, error: ok ? null : 'status' };
      } catch (error) {
        return { ok: false, status: null, error: classifyError(error) };
      }
    },
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
  });
}
