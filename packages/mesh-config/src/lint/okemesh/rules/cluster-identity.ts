import type { AnalysisContext, Analyzer } from '../../context.js';
import { asJson, asString } from '../../resource.js';
import { controlPlanes, type ControlPlaneConfig } from '../install-config.js';
import { dns1123Label, okm } from '../report.js';

/** MeshConfig's fields (istio/api mesh/v1alpha1/config.proto, JSON names). */
const meshConfigFields = new Set(
  'proxyListenPort proxyInboundListenPort proxyHttpPort connectTimeout hboneIdleTimeout protocolDetectionTimeout tcpKeepalive ingressClass ingressService ingressControllerMode ingressSelector enableTracing accessLogFile accessLogFormat accessLogEncoding enableEnvoyAccessLogService disableEnvoyListenerLog defaultConfig outboundTrafficPolicy inboundTrafficPolicy configSources enableAutoMtls trustDomain trustDomainAliases caCertificates defaultServiceExportTo defaultVirtualServiceExportTo defaultDestinationRuleExportTo rootNamespace localityLbSetting zoneAwareLbSetting dnsRefreshRate h2UpgradePolicy inboundClusterStatName outboundClusterStatName certificates serviceSettings serviceScopeConfigs enablePrometheusMerge verifyCertificateAtClient ca extensionProviders defaultProviders discoverySelectors pathNormalization defaultHttpRetryPolicy meshMTLS tlsDefaults defaultTrafficPolicy serviceEntryVisibility'.split(
    ' ',
  ),
);

const legacyMultiCluster = ['enabled', 'globalDomainSuffix', 'includeEnvoyFilter'];

function checkMeshConfig(ctx: AnalysisContext, cp: ControlPlaneConfig): void {
  for (const key of Object.keys(cp.meshConfig)) {
    if (meshConfigFields.has(key)) continue;
    const path = [...cp.meshConfigPath, key];
    if (key === 'clusterName') {
      okm(
        ctx,
        'OKM0001',
        cp.resource,
        'meshConfig.clusterName is not a MeshConfig field: istiod ignores it and the cluster keeps the ID "Kubernetes"',
        'set values.global.multiCluster.clusterName instead',
        path,
      );
    } else {
      okm(
        ctx,
        'OKM0001',
        cp.resource,
        `meshConfig.${key} is not a MeshConfig field: istioctl drops unknown meshConfig keys silently`,
        key === 'mtls'
          ? 'enforce mTLS with a PeerAuthentication (mtls.mode: STRICT) instead'
          : 'remove it or move it to the field it was meant for',
        path,
      );
    }
  }
}

/** Whether the install is meant for a multicluster mesh (or the input is one): then identity must be set. */
function multicluster(ctx: AnalysisContext, cp: ControlPlaneConfig): boolean {
  const global = asJson(cp.values['global']);
  return (
    ctx.resources.some((r) => r.cluster !== undefined) ||
    ctx.facts.declared !== undefined ||
    global['multiCluster'] !== undefined ||
    global['network'] !== undefined ||
    global['meshID'] !== undefined
  );
}

function checkIdentity(ctx: AnalysisContext, cp: ControlPlaneConfig): void {
  const global = asJson(cp.values['global']);
  const multi = asJson(global['multiCluster']);
  const gpath = [...cp.valuesPath, 'global'];
  for (const key of legacyMultiCluster) {
    if (multi[key] === undefined) continue;
    okm(
      ctx,
      'OKM0003',
      cp.resource,
      `values.global.multiCluster.${key} is a pre-1.8 field that multi-primary setups do not use`,
      'remove it; multi-primary needs only meshID, multiCluster.clusterName and network',
      [...gpath, 'multiCluster', key],
    );
  }
  if (!multicluster(ctx, cp)) return;
  const clusterName = asString(multi['clusterName']);
  const declared = ctx.facts.declared;
  if (!clusterName) {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      'values.global.multiCluster.clusterName is not set: the cluster ID defaults to "Kubernetes" and two such clusters never discover each other',
      'set a unique DNS-1123 cluster name per cluster',
      [...gpath, 'multiCluster'],
    );
  } else if (clusterName === 'Kubernetes') {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      'clusterName is the default "Kubernetes": cluster IDs must be unique',
      'set a unique DNS-1123 cluster name per cluster',
      [...gpath, 'multiCluster', 'clusterName'],
    );
  } else if (!dns1123Label.test(clusterName)) {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      `clusterName "${clusterName}" is not a DNS-1123 label`,
      'use lowercase letters, digits and "-" (max 63)',
      [...gpath, 'multiCluster', 'clusterName'],
    );
  } else if (
    cp.resource.cluster !== undefined &&
    declared?.clusters &&
    !declared.clusters.some((c) => c.name === clusterName)
  ) {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      `clusterName "${clusterName}" is not a cluster of the topology`,
      `use one of ${declared.clusters.map((c) => c.name).join(', ')}`,
      [...gpath, 'multiCluster', 'clusterName'],
    );
  }
  if (cp.profile !== 'empty' && !asString(global['meshID'])) {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      'values.global.meshID is not set: the mesh ID falls back to the trust domain',
      'set the same meshID in every cluster',
      gpath,
    );
  } else if (
    declared?.meshId &&
    asString(global['meshID']) &&
    asString(global['meshID']) !== declared.meshId
  ) {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      `meshID "${asString(global['meshID'])}" differs from the topology's "${declared.meshId}"`,
      `set meshID: ${declared.meshId}`,
      [...gpath, 'meshID'],
    );
  }
  const network = asString(global['network']);
  if (!network) {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      'values.global.network is not set: endpoints of other networks are treated as directly reachable',
      'set the network of this cluster (one per VCN)',
      gpath,
    );
  }
  // In a cluster directory the topology knows, identity must be that cluster's.
  const home = declared?.clusters?.find((c) => c.name === cp.resource.cluster);
  if (home && clusterName && dns1123Label.test(clusterName) && clusterName !== home.name) {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      `clusterName ${clusterName} in the directory of cluster ${home.name}`,
      `set clusterName: ${home.name}`,
      [...gpath, 'multiCluster', 'clusterName'],
    );
  }
  if (home && network && network !== home.network) {
    okm(
      ctx,
      'OKM0002',
      cp.resource,
      `network ${network} differs from the topology's ${home.network} for ${home.name}`,
      `set network: ${home.network}`,
      [...gpath, 'network'],
    );
  }
}

/** OKM0001-0003: cluster identity in the right place, set, unique-looking, not legacy. */
export const clusterIdentityRule: Analyzer = {
  name: 'okemesh.ClusterIdentity',
  analyze(ctx) {
    for (const cp of controlPlanes(ctx.resources)) {
      checkMeshConfig(ctx, cp);
      if (
        cp.profile !== 'empty' ||
        asJson(asJson(cp.values['global'])['multiCluster'])['clusterName'] !== undefined
      )
        checkIdentity(ctx, cp);
    }
  },
};
