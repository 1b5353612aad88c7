import type { Service } from '@okemesh/topology';
import type { HttpRoute } from '../../model/istio.js';
import { istioDuration } from '../../names.js';

/**
 * Timeout and retries for a route to `service`. `attempts: 0` disables retries and then no other retry
 * field may be set. `retryRemoteLocalities` lets a retry leave a failing region, which is what a
 * failover mesh wants.
 */
export function retryPolicy(service: Service): Pick<HttpRoute, 'timeout' | 'retries'> {
  const timeout = istioDuration(service.timeout, 0);
  const { attempts, perTryTimeout, retryOn } = service.retries;
  if (attempts === 0) return { timeout, retries: { attempts: 0 } };
  return {
    timeout,
    retries: { attempts, perTryTimeout: istioDuration(perTryTimeout), retryOn, retryRemoteLocalities: true },
  };
}
