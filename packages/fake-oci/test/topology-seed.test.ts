import { describe, expect, it } from 'vitest';
import { FakeOci, seedTopology, type TopologySeedInput } from '../src/index.js';

const compartment = 'ocid1.compartment.oc1..seed';

function topology(withDns: boolean): TopologySeedInput {
  const cluster = (name: string, region: string, octet: number) => ({
    name,
    region,
    compartment,
    cni: 'OCI_VCN_IP_NATIVE' as const,
    vcn: { cidr: `10.${octet}.0.0/16` },
    pods: { subnets: [{ cidr: `10.${octet}.10.0/24` }] },
    services: { cidr: `10.9${octet}.0.0/16` },
  });
  return {
    spec: {
      clusters: [
        { ...cluster('east', 'us-ashburn-1', 0), ocid: 'ocid1.cluster.oc1.iad.east' },
        cluster('west', 'us-sanjose-1', 1),
      ],
      ...(withDns ? { dns: { zone: 'example.com' } } : {}),
    },
  };
}

describe('seedTopology', () => {
  it('seeds every cluster (its OCID, pod subnets, services CIDR) and the DNS zone', () => {
    const fake = new FakeOci({ publicKeys: {} });
    const seeded = seedTopology(fake, topology(true));
    expect(seeded.clusters).toHaveLength(2);
    const [east, west] = seeded.clusters;
    expect(east?.clusterId).toBe('ocid1.cluster.oc1.iad.east');
    expect(fake.store.regionOf(west?.vcnId ?? '')).toBe('us-sanjose-1');
    expect(west?.subnetIds.pods).toHaveLength(1);
    const cluster = fake.store.get(west?.clusterId ?? '', 'cluster');
    expect(JSON.stringify(cluster)).toContain('10.91.0.0/16');
    const zone = fake.store.get(seeded.zoneId ?? '', 'zone');
    expect(zone).toMatchObject({ name: 'example.com', compartmentId: compartment });
  });

  it('seeds no zone when the topology has no dns', () => {
    const fake = new FakeOci({ publicKeys: {} });
    const seeded = seedTopology(fake, topology(false));
    expect(seeded.zoneId).toBeUndefined();
    expect(fake.store.list('zone', undefined)).toEqual([]);
  });
});
