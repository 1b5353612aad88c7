import { systemClock, type Clock } from '../clock.js';
import { parseDuration, type Topology } from '@okemesh/topology';
import { DrillError } from '../errors.js';
import { startDnsProbe } from '../probe/dns-prober.js';
import { startHttpProbe } from '../probe/http-prober.js';
import { startKubeReadyProbe } from '../probe/kube-ready-prober.js';
import { startPromqlProbe } from '../probe/promql-prober.js';
import type { KubeApi } from '../kube/object.js';
import type { RunningProbe } from '../probe/sample.js';
import type { Drill, ProbeSpec } from '../spec/drill-schema.js';

function startProbe(
  spec: ProbeSpec,
  topology: Topology,
  apis: ReadonlyMap<string, KubeApi>,
  offsetMs: number,
  clock: Clock,
): RunningProbe {
  const timeoutMs = parseDuration(spec.timeout) ?? 1_000;
  if (spec.type === 'kube-ready') {
    const api = apis.get(spec.cluster);
    if (!api)
      throw new DrillError(
        'DRILL_SPEC_REFERENCE',
        `probe ${spec.name}: no Kubernetes API for cluster ${spec.cluster}`,
      );
    return startKubeReadyProbe({
      clock,
      name: spec.name,
      api,
      namespace: spec.namespace,
      deployment: spec.deployment,
      minReady: spec.minReady,
      rate: spec.rate,
      timeoutMs,
    });
  }
  if (spec.type === 'promql') {
    return startPromqlProbe({
      clock,
      name: spec.name,
      url: spec.url,
      query: spec.query,
      comparator: spec.comparator,
      threshold: spec.threshold,
      rate: spec.rate,
      timeoutMs,
    });
  }
  if (spec.type === 'http') {
    return startHttpProbe({
      clock,
      name: spec.name,
      url: spec.url,
      rate: spec.rate,
      mode: spec.mode,
      timeoutMs,
      offsetMs,
      ...(spec.dnsServer ? { dnsServer: spec.dnsServer } : {}),
    });
  }
  const hostname = spec.hostname ?? topology.spec.dns?.domain;
  if (!hostname)
    throw new DrillError(
      'DRILL_SPEC_REFERENCE',
      `probe ${spec.name}: no hostname and no spec.dns in the topology`,
    );
  return startDnsProbe({
    clock,
    name: spec.name,
    hostname,
    server: spec.server ?? '1.1.1.1',
    rate: spec.rate,
    timeoutMs,
    expect: spec.expect,
    avoid: spec.avoid,
  });
}

/** Starts every probe of a drill; probes of the same rate are staggered so together they resolve 1/(kR). */
export function startDrillProbes(
  drill: Drill,
  topology: Topology,
  apis: ReadonlyMap<string, KubeApi> = new Map(),
  clock: Clock = systemClock,
): RunningProbe[] {
  const byRate = new Map<number, number>();
  return drill.spec.probes.map((spec) => {
    const k = byRate.get(spec.rate) ?? 0;
    byRate.set(spec.rate, k + 1);
    const peers = drill.spec.probes.filter((p) => p.rate === spec.rate).length;
    return startProbe(spec, topology, apis, (k * 1_000) / spec.rate / peers, clock);
  });
}
