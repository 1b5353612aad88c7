import { parseDuration } from '../duration.js';
import type { Topology } from '../schema/topology.js';
import { closest } from '../suggest.js';
import { error, warning, type Finding } from './finding.js';

const PROTOCOL_PREFIXES = [
  'http',
  'http2',
  'https',
  'grpc',
  'grpc-web',
  'tcp',
  'tls',
  'mongo',
  'mysql',
  'redis',
];

/** Failover policies name declared regions; weights sum to 100; routes name declared services. */
export function checkServices(topology: Topology): Finding[] {
  const findings: Finding[] = [];
  const regions = [...new Set(topology.spec.clusters.map((c) => c.region))];
  const seen = new Map<string, number>();

  topology.spec.services.forEach((service, i) => {
    const at = ['spec', 'services', i] as const;
    const key = `${service.namespace}/${service.name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(
        error(
          'service-unique',
          [...at, 'name'],
          `service ${key} is already declared at spec.services[${first}]`,
        ),
      );
    } else seen.set(key, i);

    const unknownRegion = (region: string, path: readonly (string | number)[]) => {
      const guess = closest(region, regions);
      findings.push(
        error(
          'failover-region',
          path,
          `region "${region}" has no cluster in this topology (clusters are in ${regions.join(', ')})`,
          guess ? `did you mean ${guess}?` : 'name only regions that spec.clusters use',
        ),
      );
    };

    const policy = service.failover;
    if (policy.mode === 'active-active') {
      let sum = 0;
      for (const [region, weight] of Object.entries(policy.weights)) {
        sum += weight;
        if (!regions.includes(region)) unknownRegion(region, [...at, 'failover', 'weights', region]);
      }
      if (sum !== 100) {
        findings.push(
          error(
            'weights-sum',
            [...at, 'failover', 'weights'],
            `weights sum to ${sum}, but Istio's localityLbSetting.distribute needs exactly 100`,
            'adjust the weights so they add up to 100',
          ),
        );
      }
    } else {
      const listed = new Set<string>();
      policy.regions.forEach((region, j) => {
        const path = [...at, 'failover', 'regions', j];
        if (listed.has(region)) {
          findings.push(
            error('failover-duplicate', path, `region "${region}" is listed twice`, 'list each region once'),
          );
        }
        listed.add(region);
        if (!regions.includes(region)) unknownRegion(region, path);
      });
      const missing = regions.filter((r) => !listed.has(r));
      if (missing.length > 0) {
        findings.push(
          warning(
            'failover-incomplete',
            [...at, 'failover', 'regions'],
            `regions ${missing.join(', ')} have clusters but are not in the failover order; traffic will never fail over to them`,
            'add them to the end of the list',
          ),
        );
      }
    }

    service.ports.forEach((port, j) => {
      const prefix = port.name.split('-')[0] ?? '';
      if (!PROTOCOL_PREFIXES.includes(prefix)) {
        findings.push(
          warning(
            'port-name',
            [...at, 'ports', j, 'name'],
            `port name "${port.name}" does not start with a protocol, so Istio may treat the port as plain TCP`,
            `name it ${port.protocol.toLowerCase()}${port.name === port.protocol.toLowerCase() ? '' : `-${port.name}`}`,
          ),
        );
      }
    });

    const connect = parseDuration(service.connectTimeout) ?? 0;
    if (connect < 1000) {
      findings.push(
        warning(
          'connect-timeout',
          [...at, 'connectTimeout'],
          `connectTimeout ${service.connectTimeout} is too short for a connection that crosses regions through a gateway; failed connects also feed outlier ejection`,
          'use at least 1s (default 3s)',
        ),
      );
    }
    const perTry = parseDuration(service.retries.perTryTimeout) ?? 0;
    const timeout = parseDuration(service.timeout) ?? 0;
    if (service.retries.attempts > 0 && perTry > timeout) {
      findings.push(
        warning(
          'retry-budget',
          [...at, 'retries', 'perTryTimeout'],
          `perTryTimeout ${service.retries.perTryTimeout} exceeds the request timeout ${service.timeout}, so no retry can ever happen`,
          'make perTryTimeout smaller than timeout',
        ),
      );
    }
  });

  const services = new Map(topology.spec.services.map((s) => [s.name, s]));
  topology.spec.ingress?.routes.forEach((route, i) => {
    const path = ['spec', 'ingress', 'routes', i] as const;
    const service = services.get(route.service);
    if (!service) {
      const guess = closest(route.service, [...services.keys()]);
      findings.push(
        error(
          'route-service',
          [...path, 'service'],
          `ingress route names service "${route.service}", which spec.services does not declare`,
          guess ? `did you mean ${guess}?` : 'declare the service under spec.services',
        ),
      );
    } else if (route.port !== undefined && !service.ports.some((p) => p.number === route.port)) {
      findings.push(
        error(
          'route-port',
          [...path, 'port'],
          `service ${service.name} has no port ${route.port}`,
          `use one of ${service.ports.map((p) => p.number).join(', ')}`,
        ),
      );
    }
  });
  return findings;
}
