import type { AnalysisContext, Analyzer } from '../../context.js';
import { asArray, asJson, asString, stringMap, type LintResource } from '../../resource.js';
import { stringList } from '../../analyzers/route-destinations.js';
import { controlPlanes, gatewayWorkloads, type GatewayWorkload } from '../install-config.js';
import { okm } from '../report.js';

const NETWORK = 'topology.istio.io/network';
const externallyReachable = (type: string): boolean => type === 'LoadBalancer' || type === 'NodePort';

/** The cluster's network: values.global.network of a control plane or east-west IstioOperator in the same input. */
export function clusterNetwork(ctx: AnalysisContext): string {
  for (const cp of controlPlanes(ctx.resources)) {
    const network = asString(asJson(cp.values['global'])['network']);
    if (network) return network;
  }
  return '';
}

function isEastWest(gw: GatewayWorkload): boolean {
  return (
    gw.name.includes('eastwest') || NETWORK in gw.labels || 'ISTIO_META_REQUESTED_NETWORK_VIEW' in gw.env
  );
}

function checkWorkload(ctx: AnalysisContext, gw: GatewayWorkload, network: string): void {
  const bad = (message: string, hint: string, field: readonly (string | number)[] = []) =>
    okm(ctx, 'OKM0010', gw.resource, `east-west gateway ${gw.name}: ${message}`, hint, [
      ...gw.path,
      ...field,
    ]);
  if (gw.labels['istio'] !== 'eastwestgateway')
    bad(
      `label istio=${gw.labels['istio'] ?? '(none)'}, expected eastwestgateway`,
      'label the east-west gateway istio: eastwestgateway (what cross-network-gateway selects)',
      ['label'],
    );
  const own = gw.labels[NETWORK] ?? '';
  if (!own)
    bad(
      `no ${NETWORK} label: istiod does not treat it as the network gateway`,
      `label it ${NETWORK}: <network>`,
      ['label'],
    );
  else if (network && own !== network)
    bad(`${NETWORK}=${own} differs from values.global.network ${network}`, `use ${NETWORK}: ${network}`, [
      'label',
    ]);
  const view = gw.env['ISTIO_META_REQUESTED_NETWORK_VIEW'];
  if (view === undefined)
    bad(
      'env ISTIO_META_REQUESTED_NETWORK_VIEW is not set',
      `set ISTIO_META_REQUESTED_NETWORK_VIEW=${own || network || '<network>'}`,
      ['k8s', 'env'],
    );
  else if (own && view !== own)
    bad(`ISTIO_META_REQUESTED_NETWORK_VIEW=${view} differs from its network ${own}`, `set it to ${own}`, [
      'k8s',
      'env',
    ]);
  for (const port of [15021, 15443]) {
    if (!gw.ports.some((p) => p.port === port))
      bad(`Service port ${port} missing`, 'expose status-port 15021 and tls 15443 (targetPort = port)', [
        'k8s',
        'service',
        'ports',
      ]);
  }
  if (!externallyReachable(gw.serviceType))
    bad(
      `Service type ${gw.serviceType} is not reachable from other networks`,
      'use type LoadBalancer (or NodePort)',
      ['k8s', 'service', 'type'],
    );
}

function checkService(ctx: AnalysisContext, svc: LintResource, network: string): void {
  const selector = stringMap(svc.spec['selector']);
  if (selector['istio'] === 'egressgateway' || selector['app'] === 'istio-egressgateway') {
    okm(
      ctx,
      'OKM0012',
      svc,
      `east-west Service ${svc.name} selects egress gateway pods`,
      'select the east-west pods (istio: eastwestgateway)',
      ['spec', 'selector'],
    );
  } else if (selector['istio'] !== 'eastwestgateway') {
    okm(
      ctx,
      'OKM0010',
      svc,
      `east-west Service ${svc.name} selector istio=${selector['istio'] ?? '(none)'} does not select the east-west pods`,
      'select istio: eastwestgateway',
      ['spec', 'selector'],
    );
  }
  const label = svc.labels[NETWORK];
  if (!label)
    okm(
      ctx,
      'OKM0010',
      svc,
      `east-west Service ${svc.name} has no ${NETWORK} label: istiod never uses it as the network gateway`,
      `label it ${NETWORK}: ${network || '<network>'}`,
      ['metadata', 'labels'],
    );
  else if (network && label !== network)
    okm(
      ctx,
      'OKM0010',
      svc,
      `${NETWORK}=${label} differs from values.global.network ${network}`,
      `use ${network}`,
      ['metadata', 'labels'],
    );
  const type = asString(svc.spec['type']) || 'ClusterIP';
  if (!externallyReachable(type) && asArray(svc.spec['externalIPs']).length === 0)
    okm(
      ctx,
      'OKM0010',
      svc,
      `east-west Service type ${type} has no address other networks can reach`,
      'use type LoadBalancer (or NodePort / externalIPs)',
      ['spec', 'type'],
    );
  if (!asArray(svc.spec['ports']).some((p) => Number(asJson(p)['port']) === 15443))
    okm(
      ctx,
      'OKM0010',
      svc,
      'east-west Service does not expose 15443 (mTLS AUTO_PASSTHROUGH)',
      'add port tls 15443 (targetPort 15443)',
      ['spec', 'ports'],
    );
}

const istiodPorts = new Set([15012, 15017]);

/** Istio's expose-istiod Gateway: only istiod's ports, PASSTHROUGH (primary-remote); not the cross-network gateway. */
function isIstiodGateway(servers: readonly Record<string, unknown>[]): boolean {
  return (
    servers.length > 0 &&
    servers.every(
      (s) =>
        istiodPorts.has(Number(asJson(s['port'])['number'])) && asJson(s['tls'])['mode'] === 'PASSTHROUGH',
    )
  );
}

function checkGateway(ctx: AnalysisContext, gw: LintResource): void {
  const servers = asArray(gw.spec['servers']).map(asJson);
  const passthrough = servers.findIndex((s) => asJson(s['tls'])['mode'] === 'AUTO_PASSTHROUGH');
  const selector = stringMap(gw.spec['selector']);
  if (passthrough < 0 && !/eastwest|cross-network/.test(gw.name) && selector['istio'] !== 'eastwestgateway')
    return;
  if (passthrough < 0 && isIstiodGateway(servers)) return;
  if (selector['istio'] === 'egressgateway') {
    okm(
      ctx,
      'OKM0012',
      gw,
      'cross-network Gateway selects the egress gateway (istio: egressgateway)',
      'select istio: eastwestgateway',
      ['spec', 'selector'],
    );
  } else if (selector['istio'] !== 'eastwestgateway') {
    okm(
      ctx,
      'OKM0011',
      gw,
      `cross-network Gateway selector istio=${selector['istio'] ?? '(none)'}, expected eastwestgateway`,
      'select istio: eastwestgateway',
      ['spec', 'selector'],
    );
  }
  if (gw.namespace !== 'istio-system')
    okm(ctx, 'OKM0011', gw, `cross-network Gateway in namespace ${gw.namespace}`, 'put it in istio-system', [
      'metadata',
      'namespace',
    ]);
  if (passthrough < 0) {
    okm(
      ctx,
      'OKM0011',
      gw,
      'cross-network Gateway has no AUTO_PASSTHROUGH server',
      'add server port 15443 name tls protocol TLS, tls.mode AUTO_PASSTHROUGH, hosts ["*.local"]',
      ['spec', 'servers'],
    );
    return;
  }
  const server = servers[passthrough] ?? {};
  const port = asJson(server['port']);
  const path = ['spec', 'servers', passthrough];
  if (Number(port['number']) !== 15443)
    okm(
      ctx,
      'OKM0011',
      gw,
      `AUTO_PASSTHROUGH server listens on ${String(port['number'])}, expected 15443`,
      'use port 15443',
      [...path, 'port', 'number'],
    );
  if (asString(port['protocol']).toUpperCase() !== 'TLS')
    okm(
      ctx,
      'OKM0011',
      gw,
      `AUTO_PASSTHROUGH server protocol ${asString(port['protocol'])}, expected TLS`,
      'use protocol TLS',
      [...path, 'port', 'protocol'],
    );
  if (!stringList(server['hosts']).includes('*.local'))
    okm(
      ctx,
      'OKM0011',
      gw,
      'AUTO_PASSTHROUGH server hosts do not include "*.local"',
      'use hosts ["*.local"]',
      [...path, 'hosts'],
    );
  servers.forEach((s, i) => {
    const n = Number(asJson(s['port'])['number']);
    if (n === 15012 || n === 15017)
      okm(
        ctx,
        'OKM0011',
        gw,
        `server on ${n} exposes istiod: only primary-remote needs it, multi-primary must not publish it`,
        'remove the istiod servers (expose-istiod is for primary-remote)',
        ['spec', 'servers', i],
      );
  });
}

/** OKM0010-0012: east-west gateway deployment/Service and the cross-network Gateway. */
export const eastWestGatewayRule: Analyzer = {
  name: 'okemesh.EastWestGateway',
  analyze(ctx) {
    const network = clusterNetwork(ctx);
    for (const gw of gatewayWorkloads(ctx.resources)) if (isEastWest(gw)) checkWorkload(ctx, gw, network);
    for (const svc of ctx.all('', 'Service')) {
      if (svc.file.startsWith('(')) continue;
      if (svc.name.includes('eastwest') || NETWORK in svc.labels) checkService(ctx, svc, network);
    }
    for (const gw of ctx.all('networking.istio.io', 'Gateway')) checkGateway(ctx, gw);
  },
};
