import type { Level } from '../finding.js';

export interface OkmRule {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  readonly summary: string;
}

/** okemesh's multicluster rules (README "OKM rules" documents each with a bad and a good example). */
export const okmRules = {
  OKM0001: {
    code: 'OKM0001',
    name: 'ClusterIdentityMisplaced',
    level: 'Error',
    summary: 'cluster identity set where Istio ignores it (meshConfig.clusterName, unknown meshConfig keys)',
  },
  OKM0002: {
    code: 'OKM0002',
    name: 'ClusterIdentityDefault',
    level: 'Error',
    summary: 'clusterName/meshID/network missing, left at "Kubernetes", or not a DNS-1123 label',
  },
  OKM0003: {
    code: 'OKM0003',
    name: 'LegacyMultiClusterField',
    level: 'Warning',
    summary: 'pre-1.8 values.global.multiCluster fields (enabled, globalDomainSuffix, includeEnvoyFilter)',
  },
  OKM0010: {
    code: 'OKM0010',
    name: 'EastWestGatewayShape',
    level: 'Error',
    summary: 'east-west gateway labels, network view, ports or Service type wrong',
  },
  OKM0011: {
    code: 'OKM0011',
    name: 'CrossNetworkGatewayShape',
    level: 'Error',
    summary: 'cross-network Gateway not istio=eastwestgateway / 15443 / TLS / AUTO_PASSTHROUGH / *.local',
  },
  OKM0012: {
    code: 'OKM0012',
    name: 'EgressSelectorOnEastWest',
    level: 'Error',
    summary: 'east-west Gateway or Service selects egress gateway pods',
  },
  OKM0020: {
    code: 'OKM0020',
    name: 'RemoteSecretUnsafe',
    level: 'Error',
    summary: 'remote secret kubeconfig skips TLS verification, lacks CA data or uses auth istiod rejects',
  },
  OKM0021: {
    code: 'OKM0021',
    name: 'RemoteSecretShape',
    level: 'Error',
    summary: 'remote secret name, label, annotation or data key wrong (istiod ignores it)',
  },
  OKM0022: {
    code: 'OKM0022',
    name: 'RemoteSecretCoverage',
    level: 'Error',
    summary: 'a cluster lacks the remote secret of a peer, or holds its own',
  },
  OKM0030: {
    code: 'OKM0030',
    name: 'CacertsKeys',
    level: 'Error',
    summary: 'cacerts secret keys are not exactly ca-cert.pem, ca-key.pem, root-cert.pem, cert-chain.pem',
  },
  OKM0031: {
    code: 'OKM0031',
    name: 'RootKeyInCluster',
    level: 'Error',
    summary: 'the root CA private key is stored in a cluster',
  },
  OKM0032: {
    code: 'OKM0032',
    name: 'IntermediateNotCa',
    level: 'Error',
    summary:
      'intermediate certificate lacks basicConstraints CA:true or keyUsage keyCertSign, or the chain is wrong',
  },
  OKM0040: {
    code: 'OKM0040',
    name: 'FailoverWithoutOutlierDetection',
    level: 'Error',
    summary: 'a multicluster service has no outlierDetection, so failover to another cluster never happens',
  },
  OKM0041: {
    code: 'OKM0041',
    name: 'ConsistentHashWithLocality',
    level: 'Warning',
    summary:
      'consistentHash with locality load balancing: proxies do not share one endpoint view, so hashing is not consistent',
  },
  OKM0042: {
    code: 'OKM0042',
    name: 'LocalityRegionName',
    level: 'Error',
    summary:
      'locality names us-ashburn-1/us-phoenix-1, but OKE nodes there carry topology.kubernetes.io/region iad/phx',
  },
  OKM0050: {
    code: 'OKM0050',
    name: 'InventedClusterHostname',
    level: 'Error',
    summary: 'per-cluster hostnames (svc.<cluster>.local, .cluster.remote, .global) do not exist',
  },
  OKM0060: {
    code: 'OKM0060',
    name: 'UnsafeConnectTimeout',
    level: 'Warning',
    summary: 'connect timeout too short for a cross-network path',
  },
  OKM0061: {
    code: 'OKM0061',
    name: 'MtlsDisabledCrossNetwork',
    level: 'Error',
    summary: 'mTLS disabled toward in-mesh destinations (cross-network endpoints are dropped)',
  },
  OKM0070: {
    code: 'OKM0070',
    name: 'PrincipalTrustDomain',
    level: 'Error',
    summary: 'AuthorizationPolicy principal with spiffe:// prefix or a foreign trust domain',
  },
  OKM0080: {
    code: 'OKM0080',
    name: 'IstioOperatorKubectlApply',
    level: 'Error',
    summary: 'IstioOperator placed where kubectl apply picks it up (no in-cluster operator since 1.24)',
  },
  OKM0090: {
    code: 'OKM0090',
    name: 'ClusterDrift',
    level: 'Warning',
    summary: 'Istio config differs between clusters',
  },
  OKM0091: {
    code: 'OKM0091',
    name: 'MeshIdentityDrift',
    level: 'Error',
    summary: 'meshID, trust domain or root certificate differ between clusters, or cluster names repeat',
  },
  OKM0092: {
    code: 'OKM0092',
    name: 'NetworkLabel',
    level: 'Error',
    summary: 'istio-system namespace network label missing or different from values.global.network',
  },
} as const satisfies Record<string, OkmRule>;

export type OkmCode = keyof typeof okmRules;
