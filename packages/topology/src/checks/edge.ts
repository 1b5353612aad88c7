import { parseDuration } from '../duration.js';
import type { Topology } from '../schema/topology.js';
import { error, warning, type Finding } from './finding.js';

const HEALTH_CHECK_INTERVALS_S = [10, 30, 60];
const HEALTH_CHECK_TIMEOUTS_S = [1, 2, 3, 5, 10, 20, 30, 60];

/** DNS steering, health checks, data and SLOs: values OCI accepts and SLOs that can be met. */
export function checkEdge(topology: Topology): Finding[] {
  const findings: Finding[] = [];
  const { dns, slos, data, ingress } = topology.spec;

  if (dns) {
    const hc = ['spec', 'dns', 'healthCheck'] as const;
    const interval = (parseDuration(dns.healthCheck.interval) ?? 0) / 1000;
    const timeout = (parseDuration(dns.healthCheck.timeout) ?? 0) / 1000;
    if (!HEALTH_CHECK_INTERVALS_S.includes(interval)) {
      findings.push(
        error(
          'health-check-interval',
          [...hc, 'interval'],
          `OCI Health Checks run HTTP monitors every 10s, 30s or 60s, not ${dns.healthCheck.interval}`,
          'use 10s, 30s or 60s',
        ),
      );
    }
    if (!HEALTH_CHECK_TIMEOUTS_S.includes(timeout) || timeout > interval) {
      findings.push(
        error(
          'health-check-timeout',
          [...hc, 'timeout'],
          `health-check timeout ${dns.healthCheck.timeout} must be one of ${HEALTH_CHECK_TIMEOUTS_S.join('s, ')}s and not longer than the interval`,
          'use 10s with a 30s interval',
        ),
      );
    }
    if (!dns.domain.endsWith(`.${dns.zone}`) && dns.domain !== dns.zone) {
      findings.push(
        error(
          'dns-domain',
          ['spec', 'dns', 'domain'],
          `${dns.domain} is not inside zone ${dns.zone}`,
          `use a name under ${dns.zone}`,
        ),
      );
    }
    if (ingress && !ingress.hosts.includes(dns.domain)) {
      findings.push(
        warning(
          'dns-ingress-host',
          ['spec', 'dns', 'domain'],
          `${dns.domain} is steered by DNS but the ingress does not serve it (hosts: ${ingress.hosts.join(', ')})`,
          'add it to spec.ingress.hosts',
        ),
      );
    }
    // Worst case before clients move: detection (interval, plus one more for confirmation) plus cached TTL.
    const budget = parseDuration(slos.dnsFailover) ?? 0;
    const worst = 2 * interval * 1000 + dns.ttl * 1000;
    if (worst > budget) {
      findings.push(
        warning(
          'dns-failover-budget',
          ['spec', 'slos', 'dnsFailover'],
          `DNS failover can take up to ${worst / 1000}s (two ${interval}s health-check intervals plus a ${dns.ttl}s TTL), more than the ${slos.dnsFailover} SLO`,
          'lower spec.dns.ttl or the health-check interval, or relax the SLO',
        ),
      );
    }
  }

  const adb = data.autonomousDatabase;
  if (adb && adb.primary === adb.standby) {
    findings.push(
      error(
        'adb-standby',
        ['spec', 'data', 'autonomousDatabase', 'standby'],
        'the standby Autonomous Database is the primary itself',
        'use the OCID of the cross-region standby',
      ),
    );
  }

  const rto = parseDuration(slos.rto) ?? 0;
  const dnsFailover = parseDuration(slos.dnsFailover) ?? 0;
  if (dnsFailover > rto) {
    findings.push(
      warning(
        'slo-consistency',
        ['spec', 'slos', 'dnsFailover'],
        `the DNS failover SLO (${slos.dnsFailover}) is longer than the RTO (${slos.rto}), so the RTO cannot be met by DNS failover`,
        'tighten dnsFailover or relax rto',
      ),
    );
  }
  return findings;
}
