import type { Topology } from '@okemesh/topology';
import { OciNetworkError } from '../errors.js';

export interface RegionEndpoint {
  readonly region: string;
  readonly cluster: string;
  readonly role: 'primary' | 'secondary';
  /** Public address of the region's ingress gateway: an IPv4/IPv6 literal or a hostname. */
  readonly address: string;
  readonly rtype: 'A' | 'AAAA' | 'CNAME';
}

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;

function rtypeOf(address: string): RegionEndpoint['rtype'] {
  if (IPV4.test(address)) return 'A';
  if (address.includes(':')) return 'AAAA';
  return 'CNAME';
}

/**
 * The ingress endpoint of every region in failover order (primary first). `addresses` maps region → public IP or
 * hostname of that region's ingress load balancer; a region without one defaults to `<region>.<dns.domain>`, a
 * per-region name the steering policy answers with as a CNAME.
 */
export function regionEndpoints(
  topology: Topology,
  addresses: Readonly<Record<string, string>> = {},
): RegionEndpoint[] {
  const dns = topology.spec.dns;
  if (!dns)
    throw new OciNetworkError('OCI_UNSUPPORTED_TOPOLOGY', 'the topology has no spec.dns: nothing to steer');
  const unknown = Object.keys(addresses).filter((r) => !topology.spec.clusters.some((c) => c.region === r));
  if (unknown.length > 0)
    throw new OciNetworkError(
      'OCI_UNSUPPORTED_TOPOLOGY',
      `ingress address for unknown region(s): ${unknown.join(', ')}`,
    );
  const ordered = [...topology.spec.clusters].sort(
    (a, b) => Number(a.role !== 'primary') - Number(b.role !== 'primary'),
  );
  return ordered.map((cluster) => {
    const address = addresses[cluster.region] ?? `${cluster.region}.${dns.domain}`;
    return {
      region: cluster.region,
      cluster: cluster.name,
      role: cluster.role,
      address,
      rtype: rtypeOf(address),
    };
  });
}
