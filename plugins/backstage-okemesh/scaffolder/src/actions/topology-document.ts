import { API_VERSION, KIND, type TopologyInput } from '@okemesh/topology';

/** What a platform engineer fills in (the `okemesh:topology:create` input). */
export interface TopologyRequest {
  readonly name: string;
  readonly meshId?: string | undefined;
  readonly trustDomain?: string | undefined;
  readonly istioVersion?: string | undefined;
  readonly compartment: string;
  readonly clusters: readonly {
    readonly name: string;
    readonly region: string;
    readonly role: 'primary' | 'secondary';
    readonly network?: string | undefined;
    readonly kubeContext?: string | undefined;
    readonly vcnCidr: string;
    readonly podSubnetCidr: string;
    readonly serviceCidr: string;
  }[];
  readonly services: readonly {
    readonly name: string;
    readonly namespace: string;
    readonly port: number;
    readonly mode: 'active-passive' | 'active-active';
  }[];
  readonly ingress?:
    { readonly host: string; readonly tlsSecret: string; readonly service: string } | undefined;
  readonly dnsZone?: string | undefined;
  readonly slos: {
    readonly availability: number;
    readonly rto: string;
    readonly rpo: string;
    readonly dnsFailover: string;
    readonly crossClusterP99: string;
    readonly meshSync: string;
  };
}

/**
 * Builds the mesh.yaml document: primary region first in every active-passive failover order, even
 * weights for active-active. Pure; the caller serializes it with `yaml` and checks it with parseTopology.
 */
export function topologyDocument(request: TopologyRequest): TopologyInput {
  const clusters = [...request.clusters].sort((a, b) =>
    a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1,
  );
  const regions = [...new Set(clusters.map((c) => c.region))];
  const share = Math.floor(100 / regions.length);
  const weights = Object.fromEntries(
    regions.map((r, i) => [r, i === 0 ? 100 - share * (regions.length - 1) : share]),
  );
  const host = request.ingress?.host;
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    metadata: { name: request.name },
    spec: {
      mesh: {
        id: request.meshId ?? `${request.name}-mesh`,
        trustDomain: request.trustDomain ?? 'cluster.local',
        istio: { version: request.istioVersion ?? '1.30.3' },
      },
      clusters: clusters.map((c, i) => ({
        name: c.name,
        region: c.region,
        role: c.role,
        network: c.network ?? `network${i + 1}`,
        kubeContext: c.kubeContext ?? c.name,
        compartment: request.compartment,
        cni: 'OCI_VCN_IP_NATIVE',
        vcn: { cidr: c.vcnCidr },
        pods: { subnets: [{ cidr: c.podSubnetCidr }] },
        services: { cidr: c.serviceCidr },
      })),
      services: request.services.map((s) => ({
        name: s.name,
        namespace: s.namespace,
        ports: [{ name: 'http', number: s.port, protocol: 'HTTP' }],
        failover:
          s.mode === 'active-passive'
            ? { mode: 'active-passive', regions }
            : { mode: 'active-active', weights },
      })),
      ...(request.ingress && host
        ? {
            ingress: {
              hosts: [host],
              tlsSecret: request.ingress.tlsSecret,
              routes: [{ prefix: '/', service: request.ingress.service }],
            },
          }
        : {}),
      ...(request.dnsZone && host
        ? { dns: { zone: request.dnsZone, domain: host, healthCheck: { path: '/', interval: '10s' } } }
        : {}),
      slos: { ...request.slos },
    },
  };
}
