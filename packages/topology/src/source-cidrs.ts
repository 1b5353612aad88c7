import { containsCidr } from 'cidr-tools';
import type { Cluster } from './schema/cluster.js';

/**
 * The addresses a cluster's mesh traffic leaves from: its VCN CIDR (VCN-native pods and nodes both live
 * in it) and any pod CIDR outside the VCN (flannel overlay). What another cluster's east-west gateway
 * must admit, and nothing wider.
 */
export function meshSourceCidrs(cluster: Cluster): string[] {
  const pods = [
    ...(cluster.pods.subnets ?? []).map((s) => s.cidr),
    ...(cluster.pods.cidr ? [cluster.pods.cidr] : []),
  ];
  const outside = pods.filter((cidr) => !containsCidr(cluster.vcn.cidr, cidr));
  return [...new Set([cluster.vcn.cidr, ...outside])];
}
