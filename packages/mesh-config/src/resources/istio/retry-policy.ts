import type { Service } from '@okemesh/topology';
import { parseDuration } from '@okemesh/topology/duration';
import type { HttpRoute } from '../../model/istio.js';
import { istioDuration } from '../../names.js';

/**
 * Timeout and retries for a route to `service`. A zero timeout means "no timeout", which Istio expresses by
 * leaving the field out (the CRD rejects anything under 1ms). `attempts: 0` disables retries and then no
 * other retry field may be set. `retryRemoteLocalities` lets a retry leave a failing region, which is what a
 * failover mesh wants.
 */
export function retryPolicy(service: Service): Pick<HttpRoute, 'timeout' | 'retries'> {
  const timeout =
    (parseDuration(service.timeout) ?? 0) === 0 ? {} : { timeout: istioDuration(service.timeout) };
  const { attempts, perTryTimeout, retryOn } = service.retries;
  if (attempts === 0) return { ...timeout, retries: { attempts: 0 } };
  return {
    ...timeout,
    retries: { attempts, perTryTimeout: istioDuration(perTryTimeout), retryOn, retryRemoteLocalities: true },
  };
}
