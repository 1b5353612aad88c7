import { notFound } from './api-error.js';

export type Json = Record<string, unknown>;

/** One scheduled value of a lifecycle field: `value` holds from `at` (ms since epoch) on. */
interface Step {
  readonly value: string;
  readonly at: number;
}

interface Resource {
  readonly kind: string;
  readonly id: string;
  readonly region: string;
  body: Json;
  etag: number;
  /** Lifecycle fields walk their steps as time passes, independent of requests. */
  readonly timelines: Map<string, Step[]>;
  /** After this time the resource is gone (404). */
  goneAt?: number;
}

/**
 * In-memory resource state for every fake service. Lifecycle fields (lifecycleState, peeringStatus) are
 * timelines, so a resource moves PROVISIONING→AVAILABLE on its own while clients poll.
 */
export class Store {
  private readonly resources = new Map<string, Resource>();
  private counter = 0;

  constructor(
    private readonly now: () => number,
    /** Time each lifecycle step takes. */
    readonly stepMs: number,
  ) {}

  newId(type: string, region: string): string {
    this.counter += 1;
    return `ocid1.${type}.oc1.${region}.fake${String(this.counter).padStart(6, '0')}`;
  }

  insert(kind: string, region: string, id: string, body: Json): Json {
    this.resources.set(id, { kind, id, region, body: { ...body, id }, etag: 1, timelines: new Map() });
    return this.view(id);
  }

  /** Schedules `values` for `field`: the first now, each next one `stepMs` later. */
  walk(id: string, field: string, values: readonly string[], afterMs = 0): void {
    const resource = this.raw(id);
    const start = this.now() + afterMs;
    const steps = values.map((value, index) => ({ value, at: start + index * this.stepMs }));
    const earlier = afterMs > 0 ? this.current(resource).get(field) : undefined;
    resource.timelines.set(field, earlier === undefined ? steps : [{ value: earlier, at: 0 }, ...steps]);
    resource.etag += 1;
  }

  /** Walks `lifecycleState` through `values` and removes the resource one step after the last. */
  retire(id: string, values: readonly string[]): void {
    this.walk(id, 'lifecycleState', values);
    this.raw(id).goneAt = this.now() + values.length * this.stepMs;
  }

  has(id: string, kind?: string): boolean {
    const resource = this.resources.get(id);
    return resource !== undefined && !this.isGone(resource) && (kind === undefined || resource.kind === kind);
  }

  /** The resource as the API shows it now; 404 when absent, gone, or of another kind. */
  get(id: string, kind: string): Json {
    if (!this.has(id, kind)) throw notFound(`${kind} ${id}`);
    return this.view(id);
  }

  etag(id: string): string {
    return `"${this.raw(id).etag}"`;
  }

  update(id: string, patch: Json): Json {
    const resource = this.raw(id);
    resource.body = { ...resource.body, ...patch };
    resource.etag += 1;
    return this.view(id);
  }

  list(kind: string, region: string | undefined, filter: (body: Json) => boolean = () => true): Json[] {
    const out: Json[] = [];
    for (const resource of this.resources.values()) {
      if (resource.kind !== kind || this.isGone(resource)) continue;
      if (region !== undefined && resource.region !== region) continue;
      const view = this.view(resource.id);
      if (filter(view)) out.push(view);
    }
    return out;
  }

  regionOf(id: string): string {
    return this.raw(id).region;
  }

  private view(id: string): Json {
    const resource = this.raw(id);
    return { ...resource.body, ...Object.fromEntries(this.current(resource)) };
  }

  private current(resource: Resource): Map<string, string> {
    const now = this.now();
    const values = new Map<string, string>();
    for (const [field, steps] of resource.timelines) {
      let value = steps[0]?.value;
      for (const step of steps) if (step.at <= now) value = step.value;
      if (value !== undefined) values.set(field, value);
    }
    return values;
  }

  private isGone(resource: Resource): boolean {
    return resource.goneAt !== undefined && resource.goneAt <= this.now();
  }

  private raw(id: string): Resource {
    const resource = this.resources.get(id);
    if (!resource || this.isGone(resource)) throw notFound(id);
    return resource;
  }
}
