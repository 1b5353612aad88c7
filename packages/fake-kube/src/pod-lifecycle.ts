import { randomInt } from 'node:crypto';
import { clone, readPath } from './object.js';
import type { KubeObject, StoredObject } from './object.js';
import { builtin } from './resources.js';
import type { ObjectStore } from './store.js';
import { readyPod } from './workload.js';

const PODS = builtin('', 'v1', 'pods');
const NODES = builtin('', 'v1', 'nodes');

/**
 * Plays scheduler and kubelet for controller-made pods: binds each new pod round-robin to a schedulable node
 * (cordoned nodes are skipped; with no nodes the pod stays unbound) and marks it Running/Ready after a delay.
 */
export class PodLifecycle {
  private readonly timers = new Set<NodeJS.Timeout>();
  private nodeCursor = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly readyDelayMs: number,
  ) {}

  /** Creates the pod (bound to a node) and schedules its readiness. */
  start(pod: KubeObject): StoredObject {
    const node = this.pickNode();
    const spec = (readPath(pod, 'spec') ?? {}) as Record<string, unknown>;
    const created = this.store.create(PODS, {
      ...pod,
      spec: { ...spec, ...(node === undefined ? {} : { nodeName: node }) },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: node === undefined ? 'False' : 'True' }],
      },
    });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const latest = this.store.get(PODS, created.metadata.namespace, created.metadata.name);
      if (latest === undefined || latest.metadata.uid !== created.metadata.uid) return;
      this.store.update(PODS, readyPod(clone(latest), `10.244.${randomInt(0, 256)}.${randomInt(2, 255)}`));
    }, this.readyDelayMs);
    this.timers.add(timer);
    return created;
  }

  busy(): boolean {
    return this.timers.size > 0;
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private pickNode(): string | undefined {
    const nodes = this.store.list(NODES).filter((n) => readPath(n, 'spec.unschedulable') !== true);
    if (nodes.length === 0) return undefined;
    const node = nodes[this.nodeCursor % nodes.length];
    this.nodeCursor += 1;
    return node?.metadata.name;
  }
}
