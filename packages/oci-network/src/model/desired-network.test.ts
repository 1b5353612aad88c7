import { exampleTopology, type Topology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { desiredNetwork, remoteDestinations } from './desired-network.js';

function withClusters(patch: (t: Topology) => void): Topology {
  const t = structuredClone(exampleTopology());
  patch(t);
  return t;
}

describe('desiredNetwork', () => {
  it('pairs the regions: primary is the requestor, each side routes to the other VCN', () => {
    const net = desiredNetwork(exampleTopology());
    const [sj, chi] = net.regions;
    expect(sj?.region).toBe('us-sanjose-1');
    expect(sj?.peers).toEqual([
      expect.objectContaining({
        region: 'us-chicago-1',
        side: 'requestor',
        routeDestinations: ['10.1.0.0/16'],
      }),
    ]);
    expect(chi?.peers).toEqual([
      expect.objectContaining({
        region: 'us-sanjose-1',
        side: 'acceptor',
        routeDestinations: ['10.0.0.0/16'],
      }),
    ]);
  });

  it('opens 15443 and 6443 from the remote VCN only', () => {
    const [sj] = desiredNetwork(exampleTopology()).regions;
    expect(sj?.ingress.map((r) => `${r.port}/${r.protocol} from ${r.source} to ${r.target}`)).toEqual([
      '15443/TCP from 10.1.0.0/16 to east-west-gateway',
      '6443/TCP from 10.1.0.0/16 to api-endpoint',
    ]);
  });

  it('routes a remote pod CIDR only when it lies outside the remote VCN', () => {
    const t = withClusters((x) => {
      const second = x.spec.clusters[1];
      if (second) second.pods = { subnets: [{ cidr: '10.1.1.0/24' }, { cidr: '100.64.0.0/20' }] };
    });
    const remote = t.spec.clusters[1];
    if (!remote) throw new Error('example');
    expect(remoteDestinations(remote)).toEqual(['10.1.0.0/16', '100.64.0.0/20']);
  });

  it('refuses FLANNEL_OVERLAY with the reason', () => {
    const t = withClusters((x) => {
      const first = x.spec.clusters[0];
      if (first) first.cni = 'FLANNEL_OVERLAY';
    });
    expect(() => desiredNetwork(t)).toThrow(
      expect.objectContaining({
        code: 'OCI_UNSUPPORTED_CNI',
        message: expect.stringMatching(/only reachable from pods of the same cluster/),
      }),
    );
  });

  it('refuses two clusters in one region', () => {
    const t = withClusters((x) => {
      const second = x.spec.clusters[1];
      if (second) second.region = 'us-sanjose-1';
    });
    expect(() => desiredNetwork(t)).toThrow(expect.objectContaining({ code: 'OCI_UNSUPPORTED_TOPOLOGY' }));
  });

  it('with three regions every pair peers once, the earlier cluster requesting', () => {
    const t = withClusters((x) => {
      const third = structuredClone(x.spec.clusters[1]);
      if (!third) return;
      Object.assign(third, {
        name: 'third',
        region: 'us-phoenix-1',
        network: 'network3',
        vcn: { cidr: '10.2.0.0/16' },
        pods: { subnets: [{ cidr: '10.2.1.0/24' }] },
      });
      x.spec.clusters.push(third);
    });
    const requestors = desiredNetwork(t).regions.flatMap((r) =>
      r.peers.filter((p) => p.side === 'requestor').map((p) => `${r.region}->${p.region}`),
    );
    expect(requestors).toEqual([
      'us-sanjose-1->us-chicago-1',
      'us-sanjose-1->us-phoenix-1',
      'us-chicago-1->us-phoenix-1',
    ]);
  });
});
