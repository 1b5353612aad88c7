import type { Service } from '@okemesh/topology';
import type { DestinationRule, TrafficPolicy } from '../../model/istio.js';
import { istioDuration, MANAGED_BY, serviceHost } from '../../names.js';
import type { MeshContext } from '../context.js';
import { localityLbSetting } from './locality.js';

/** Connection-pool limits; the HighConnectionPoolUsage alert measures usage against the same numbers. */
export const CONNECTION_POOL = {
  maxConnections: 1024,
  http2MaxRequests: 1024,
  http1MaxPendingRequests: 1024,
} as const;

/**
 * Traffic policy for one service, identical in every cluster:
 * - exact FQDN host (a wildcard like `*.app.ns.svc.cluster.local` would never match the service);
 * - outlier detection from the topology: without it Istio never fails over, and with it locality
 *   failover is on, so both always come together;
 * - connect timeout from the topology (default 3s; a cross-region connect goes through the remote
 *   east-west gateway, so millisecond timeouts fail), TCP keepalive to notice dead paths through the
 *   load balancers, generous request limits;
 * - LEAST_REQUEST, never combined with consistentHash (they are a oneof, and hashing breaks with
 *   locality load balancing); no `tls` block, so auto-mTLS stays in charge.
 */
export function destinationRule(ctx: MeshContext, service: Service): DestinationRule {
  const regions = ctx.topology.spec.clusters.map((c) => c.region);
  const od = service.outlierDetection;
  const trafficPolicy: TrafficPolicy = {
    connectionPool: {
      tcp: {
        maxConnections: CONNECTION_POOL.maxConnections,
        connectTimeout: istioDuration(service.connectTimeout),
        tcpKeepalive: { time: '300s', interval: '30s', probes: 3 },
      },
      http: {
        http1MaxPendingRequests: CONNECTION_POOL.http1MaxPendingRequests,
        http2MaxRequests: CONNECTION_POOL.http2MaxRequests,
        idleTimeout: '300s',
      },
    },
    loadBalancer: {
      simple: 'LEAST_REQUEST',
      localityLbSetting: localityLbSetting(service.failover, regions),
    },
    outlierDetection: {
      consecutive5xxErrors: od.consecutive5xxErrors,
      interval: istioDuration(od.interval),
      baseEjectionTime: istioDuration(od.baseEjectionTime),
      maxEjectionPercent: od.maxEjectionPercent,
    },
  };
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: service.name, namespace: service.namespace, labels: { ...MANAGED_BY } },
    spec: { host: serviceHost(service), trafficPolicy },
  };
}
