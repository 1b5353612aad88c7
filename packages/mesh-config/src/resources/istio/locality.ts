import type { FailoverPolicy } from '@okemesh/topology';
import { nodeRegionLabel } from '@okemesh/topology/regions';
import type { LocalityLbSetting } from '../../model/istio.js';

/**
 * Turns a topology failover policy into Istio's locality load-balancing setting.
 *
 * - active-passive: callers stay in their own region while it has healthy endpoints; when it has none,
 *   traffic goes to the earliest region of the ordered list (`failover` from each region to the first
 *   other listed region). Istio allows one `failover` target per source region; the remaining regions
 *   follow as lower priorities.
 * - active-active: `distribute` sends every caller's traffic to the regions by weight (weights are
 *   1-100 and sum to 100, which the topology checks).
 *
 * Localities are the `topology.kubernetes.io/region` node label values (`nodeRegionLabel`): the short key
 * `iad`/`phx` for us-ashburn-1/us-phoenix-1, the region identifier elsewhere. Regions without clusters are
 * ignored, so the setting never names a locality that does not exist.
 */
export function localityLbSetting(
  policy: FailoverPolicy,
  clusterRegions: readonly string[],
): LocalityLbSetting {
  const known = new Set(clusterRegions);
  if (policy.mode === 'active-active') {
    const to: Record<string, number> = {};
    for (const [region, weight] of Object.entries(policy.weights)) {
      if (known.has(region)) to[`${nodeRegionLabel(region)}/*`] = weight;
    }
    return { enabled: true, distribute: [{ from: '*', to }] };
  }
  const order = [...new Set(policy.regions.filter((region) => known.has(region)))];
  const failover = order.flatMap((from) => {
    const to = order.find((region) => region !== from);
    return to === undefined ? [] : [{ from: nodeRegionLabel(from), to: nodeRegionLabel(to) }];
  });
  return failover.length === 0 ? { enabled: true } : { enabled: true, failover };
}
