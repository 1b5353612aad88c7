import { parseDuration, type Topology } from '@okemesh/topology';
import { OciNetworkError } from '../errors.js';
import type { RegionEndpoint } from './dns-endpoints.js';
import { ownershipTags } from './ownership.js';

/** CreateHttpMonitorDetails as okemesh sends it (compartment added at apply time). */
export interface HttpMonitorSpec {
  readonly displayName: string;
  readonly targets: readonly string[];
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly port: number;
  readonly path: string;
  readonly method: 'GET';
  /**
   * `Host` of the probe: the targets are bare IPs, and a host-bound Gateway answers 404 to any other host.
   * For HTTPS the OCI docs (Creating an HTTP Monitor) require it with IP targets: it names the TLS server, and
   * without it the TLS phase fails and the target is declared unavailable.
   */
  readonly headers: Readonly<Record<string, string>>;
  readonly intervalInSeconds: 10 | 30 | 60;
  readonly timeoutInSeconds: 10 | 20 | 30 | 60;
  readonly isEnabled: true;
  readonly freeformTags: Readonly<Record<string, string>>;
}

const INTERVALS = [10, 30, 60] as const;
const TIMEOUTS = [10, 20, 30, 60] as const;

function seconds(value: string): number {
  return Math.round((parseDuration(value) ?? Number.NaN) / 1000);
}

/** Whether a Gateway host (exact or `*.` wildcard) matches `name`. */
function hostMatches(host: string, name: string): boolean {
  return host === name || (host.startsWith('*.') && name.endsWith(host.slice(1)) && name !== host.slice(2));
}

/**
 * The hostname the probes ask for: the steered domain when the ingress serves it (what clients send), else
 * the first non-wildcard ingress host. The probes target bare IPs, so without it the Gateway (bound to its
 * hosts) answers 404 and every region looks down.
 */
export function probeHost(topology: Topology): string | undefined {
  const domain = topology.spec.dns?.domain;
  const hosts = topology.spec.ingress?.hosts ?? [];
  if (domain !== undefined && (hosts.length === 0 || hosts.some((h) => hostMatches(h, domain))))
    return domain;
  return hosts.find((h) => !h.startsWith('*.')) ?? domain;
}

/**
 * One HTTP(S) monitor probing every region's ingress, sending the served hostname as `Host`. A steering policy takes exactly one `healthCheckMonitorId`
 * and matches monitor targets to answer rdata, so one monitor with one target per region is what makes every
 * answer health-aware.
 */
export function httpMonitorSpec(topology: Topology, endpoints: readonly RegionEndpoint[]): HttpMonitorSpec {
  const dns = topology.spec.dns;
  if (!dns)
    throw new OciNetworkError('OCI_UNSUPPORTED_TOPOLOGY', 'the topology has no spec.dns: nothing to monitor');
  const interval = INTERVALS.find((i) => i === seconds(dns.healthCheck.interval));
  if (interval === undefined)
    throw new OciNetworkError(
      'OCI_INVALID_HEALTH_CHECK',
      `health check interval ${dns.healthCheck.interval} must be 10s, 30s or 60s`,
    );
  const timeout = TIMEOUTS.find((t) => t === seconds(dns.healthCheck.timeout));
  if (timeout === undefined || timeout > interval) {
    throw new OciNetworkError(
      'OCI_INVALID_HEALTH_CHECK',
      `health check timeout ${dns.healthCheck.timeout} must be 10s, 20s, 30s or 60s and at most the interval`,
    );
  }
  return {
    displayName: `okemesh-${topology.metadata.name}-ingress`,
    targets: endpoints.map((e) => e.address),
    protocol: dns.healthCheck.protocol,
    port: dns.healthCheck.port,
    path: dns.healthCheck.path,
    method: 'GET',
    headers: { Host: probeHost(topology) ?? dns.domain },
    intervalInSeconds: interval,
    timeoutInSeconds: timeout,
    isEnabled: true,
    freeformTags: ownershipTags(topology.metadata.name, 'health-monitor'),
  };
}
