import { OCI_REGIONS, type TopologyInput } from '@okemesh/topology';
import fc from 'fast-check';

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
const duration = fc.constantFrom(
  '1ms',
  '250ms',
  '0.5s',
  '1s',
  '1.5s',
  '3s',
  '10s',
  '90s',
  '1m30s',
  '2m',
  '0s',
);
const protocol = fc.constantFrom('HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'TCP', 'TLS' as const);
const retryOn = fc.constantFrom(
  'connect-failure,refused-stream,unavailable,cancelled,5xx',
  'gateway-error',
  '5xx,reset,503',
);

const port = fc.record({ name: label, number: fc.integer({ min: 1, max: 65535 }), protocol });

function service(regions: readonly string[]) {
  const distinct = [...new Set(regions)];
  const weights = fc
    .array(fc.integer({ min: 1, max: 100 }), { minLength: distinct.length, maxLength: distinct.length })
    .map((raw) => {
      // Scale to whole weights of 1..100 that sum to exactly 100.
      const total = raw.reduce((a, b) => a + b, 0);
      const scaled = raw.map((w) => Math.max(1, Math.floor((w / total) * 100)));
      let excess = scaled.reduce((a, b) => a + b, 0) - 100;
      for (let i = 0; excess !== 0 && i < scaled.length * 100; i += 1) {
        const at = i % scaled.length;
        const current = scaled[at] ?? 1;
        if (excess > 0 && current > 1) {
          scaled[at] = current - 1;
          excess -= 1;
        } else if (excess < 0) {
          scaled[at] = current + 1;
          excess += 1;
        }
      }
      return Object.fromEntries(distinct.map((r, i) => [r, scaled[i] ?? 1]));
    });
  const failover =
    distinct.length >= 2
      ? fc.oneof(
          weights.map((w) => ({ mode: 'active-active' as const, weights: w })),
          fc
            .shuffledSubarray(distinct, { minLength: distinct.length })
            .map((order) => ({ mode: 'active-passive' as const, regions: order })),
        )
      : weights.map((w) => ({ mode: 'active-active' as const, weights: w }));
  return fc.record({
    name: label,
    namespace: fc.constantFrom('default', 'shop', 'payments', 'istio-system', 'monitoring'),
    ports: fc
      .uniqueArray(port, { minLength: 1, maxLength: 3, selector: (p) => p.number })
      .map((ports) => ports.map((p, i) => ({ ...p, name: `${p.protocol.toLowerCase()}-${p.name}-${i}` }))),
    failover,
    timeout: duration,
    connectTimeout: duration,
    outlierDetection: fc.record({
      consecutive5xxErrors: fc.integer({ min: 0, max: 50 }),
      interval: duration,
      baseEjectionTime: duration,
      maxEjectionPercent: fc.integer({ min: 0, max: 100 }),
    }),
    retries: fc.record({ attempts: fc.integer({ min: 0, max: 10 }), perTryTimeout: duration, retryOn }),
  });
}

/** Topologies shaped like real ones: 2-4 clusters with disjoint CIDRs, 0-6 services, optional ingress. */
export const topologyInput: fc.Arbitrary<TopologyInput> = fc
  .record({
    names: fc.uniqueArray(label, { minLength: 2, maxLength: 4 }),
    regions: fc.array(fc.constantFrom(...OCI_REGIONS.slice(0, 12)), { minLength: 4, maxLength: 4 }),
    meshId: label,
    trustDomain: fc.constantFrom('cluster.local', 'mesh.example.internal', 'td1'),
    revision: fc.option(fc.constantFrom('1-30-3', 'canary'), { nil: undefined }),
  })
  .chain(({ names, regions, meshId, trustDomain, revision }) => {
    const clusterRegions = names.map((_, i) => regions[i] ?? 'us-ashburn-1');
    return fc
      .record({
        services: fc.uniqueArray(service(clusterRegions), {
          maxLength: 6,
          selector: (s) => `${s.namespace}/${s.name}`,
        }),
        withIngress: fc.boolean(),
      })
      .map(({ services, withIngress }): TopologyInput => {
        const routable = services.filter((s, i) => services.findIndex((o) => o.name === s.name) === i);
        const first = routable[0];
        return {
          apiVersion: 'okemesh.io/v1alpha1',
          kind: 'MeshTopology',
          metadata: { name: meshId },
          spec: {
            mesh: {
              id: meshId,
              trustDomain,
              istio: { version: '1.30.3', ...(revision ? { revision } : {}) },
            },
            clusters: names.map((name, i) => ({
              name,
              region: clusterRegions[i] ?? 'us-ashburn-1',
              role: i === 0 ? 'primary' : 'secondary',
              network: `net-${name}`,
              kubeContext: `${name}-ctx`,
              compartment:
                'ocid1.compartment.oc1..aaaaaaaal7vn7wsy3qgizklrlfgo2vllfta3wkqlnfkvykoroite3lzxbnna',
              cni: 'OCI_VCN_IP_NATIVE',
              vcn: { cidr: `10.${i}.0.0/16` },
              pods: { subnets: [{ cidr: `10.${i}.16.0/20` }] },
              services: { cidr: `10.${100 + i}.0.0/16` },
            })),
            services,
            ...(withIngress && first
              ? {
                  ingress: {
                    hosts: ['app.example.com'],
                    tlsSecret: 'app-tls',
                    routes: [{ prefix: '/', service: first.name }],
                  },
                }
              : {}),
            slos: {
              availability: 99.9,
              rto: '15m',
              rpo: '5m',
              dnsFailover: '60s',
              crossClusterP99: '100ms',
              meshSync: '10s',
            },
          },
        };
      });
  });
