// The synthetic topology the render benchmarks use (mesh-config's render() and the CLI's `okemesh render -f`).
import { OCI_REGIONS, type TopologyInput } from '@okemesh/topology';

/** okemesh networks one cluster per region, so a synthetic mesh has at most one cluster per OCI region. */
export const MAX_CLUSTERS = OCI_REGIONS.length;

/** `clusters` clusters (one per OCI region, at most MAX_CLUSTERS) and `services` services, half active-passive. */
export function syntheticTopology(clusters: number, services: number): TopologyInput {
  const regions = OCI_REGIONS.slice(0, clusters);
  return {
    apiVersion: 'okemesh.io/v1alpha1',
    kind: 'MeshTopology',
    metadata: { name: `bench-${clusters}x${services}` },
    spec: {
      mesh: {
        id: 'bench-mesh',
        trustDomain: 'cluster.local',
        istio: { version: '1.30.3', revision: '1-30-3' },
      },
      clusters: Array.from({ length: clusters }, (_, i) => ({
        name: `c${i}`,
        region: regions[i % regions.length] ?? 'us-ashburn-1',
        role: i === 0 ? 'primary' : 'secondary',
        network: `net${i}`,
        kubeContext: `c${i}-ctx`,
        compartment: 'ocid1.compartment.oc1..aaaaaaaal7vn7wsy3qgizklrlfgo2vllfta3wkqlnfkvykoroite3lzxbnna',
        cni: 'OCI_VCN_IP_NATIVE',
        vcn: { cidr: `10.${i}.0.0/16` },
        pods: { subnets: [{ cidr: `10.${i}.16.0/20` }] },
        services: { cidr: `10.${100 + i}.0.0/16` },
      })),
      services: Array.from({ length: services }, (_, i) => ({
        name: `svc-${i}`,
        namespace: `ns-${i % 10}`,
        ports: [{ name: 'http', number: 8080, protocol: 'HTTP' }],
        failover:
          i % 2 === 0
            ? { mode: 'active-passive', regions: [regions[0] ?? '', regions[1] ?? ''] }
            : { mode: 'active-active', weights: { [regions[0] ?? '']: 50, [regions[1] ?? '']: 50 } },
      })),
      ingress: {
        hosts: ['app.example.com'],
        tlsSecret: 'app-tls',
        routes: [{ prefix: '/', service: 'svc-0' }],
      },
      slos: {
        availability: 99.95,
        rto: '15m',
        rpo: '5m',
        dnsFailover: '60s',
        crossClusterP99: '100ms',
        meshSync: '10s',
      },
    },
  };
}
