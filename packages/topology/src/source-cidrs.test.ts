import { describe, expect, it } from 'vitest';
import { loadExampleTopology } from './example.js';
import type { Cluster } from './schema/cluster.js';
import { meshSourceCidrs } from './source-cidrs.js';

describe('meshSourceCidrs', () => {
  const base = loadExampleTopology().topology.spec.clusters[0] as Cluster;

  it('is the VCN CIDR when VCN-native pod subnets sit inside it', () => {
    const cluster: Cluster = {
      ...base,
      vcn: { cidr: '10.10.0.0/16' },
      pods: { subnets: [{ cidr: '10.10.16.0/20' }] },
    };
    expect(meshSourceCidrs(cluster)).toEqual(['10.10.0.0/16']);
  });

  it('adds a pod CIDR outside the VCN (flannel overlay)', () => {
    const cluster: Cluster = { ...base, vcn: { cidr: '10.10.0.0/16' }, pods: { cidr: '10.244.0.0/16' } };
    expect(meshSourceCidrs(cluster)).toEqual(['10.10.0.0/16', '10.244.0.0/16']);
  });
});
