import type { FakeOci } from './fake-oci.js';
import type { SeedClusterInput, SeededCluster } from './seed.js';

/**
 * The parts of an okemesh topology (`Topology` from `@okemesh/topology`) the fake is seeded from. Structural, so a
 * parsed topology fits as it is and this package needs no dependency on the topology package.
 */
export interface TopologySeedInput {
  readonly spec: {
    readonly clusters: readonly {
      readonly name: string;
      readonly region: string;
      readonly compartment: string;
      readonly ocid?: string | undefined;
      readonly cni: SeedClusterInput['cniType'];
      readonly vcn: { readonly cidr: string };
      readonly pods: { readonly subnets?: readonly { readonly cidr: string }[] | undefined };
      readonly services: { readonly cidr: string };
    }[];
    readonly dns?: { readonly zone: string } | undefined;
  };
}

export interface SeededTopology {
  /** One per topology cluster, in the topology's order. */
  readonly clusters: readonly SeededCluster[];
  /** The DNS zone's OCID, when the topology has `dns`. */
  readonly zoneId: string | undefined;
}

/**
 * Seeds what a topology expects to find in OCI before okemesh runs: each cluster as OKE quick-create leaves it (VCN,
 * subnets incl. pod subnets, route tables, security lists; the topology's cluster OCID when it names one) and the
 * public DNS zone, in the first cluster's compartment.
 */
export function seedTopology(fake: FakeOci, topology: TopologySeedInput): SeededTopology {
  const { clusters, dns } = topology.spec;
  const seeded = clusters.map((c) =>
    fake.seedCluster({
      region: c.region,
      compartmentId: c.compartment,
      name: c.name,
      vcnCidr: c.vcn.cidr,
      cniType: c.cni,
      ...(c.ocid ? { clusterId: c.ocid } : {}),
      podSubnetCidrs: (c.pods.subnets ?? []).map((s) => s.cidr),
      servicesCidr: c.services.cidr,
    }),
  );
  const zoneId = dns
    ? fake.seedZone({ name: dns.zone, compartmentId: clusters[0]?.compartment ?? '' })
    : undefined;
  return { clusters: seeded, zoneId };
}
