import { shortNodeRegionLabel } from '@okemesh/topology/regions';
import type { AnalysisContext, Analyzer, FieldPath } from '../../context.js';
import { durationMs } from '../../analyzers/duration.js';
import { asArray, asJson, asString, type Json, type LintResource } from '../../resource.js';
import { controlPlanes } from '../install-config.js';
import { okm } from '../report.js';

/** Hostnames people invent for "the service in the other cluster". None exists: namespace sameness merges them. */
const invented = [
  /\.svc\.(?!cluster\.local$)[a-z0-9-]+\.local$/,
  /\.cluster\.remote$/,
  /\.svc\.clusterset\.local$/,
  /\.global$/,
];

/** Whether a host names an in-mesh Kubernetes service (short name, `svc.cluster.local` FQDN, or `*.local`). */
export function inMeshHost(host: string): boolean {
  return !host.includes('.') || host.endsWith('.svc.cluster.local') || host === '*.local';
}

/** Whether the input describes a multicluster mesh (cluster directories, a declared mesh, or multicluster install values). */
export function isMulticluster(ctx: AnalysisContext): boolean {
  if (ctx.resources.some((r) => r.cluster !== undefined) || (ctx.facts.declared?.clusters?.length ?? 0) > 1)
    return true;
  return controlPlanes(ctx.resources).some((cp) => {
    const global = asJson(cp.values['global']);
    return global['multiCluster'] !== undefined || global['network'] !== undefined;
  });
}

function hostFields(r: LintResource): { host: string; path: FieldPath }[] {
  const out: { host: string; path: FieldPath }[] = [];
  const list = (value: unknown, path: FieldPath) =>
    asArray(value).forEach((h, i) => out.push({ host: asString(h), path: [...path, i] }));
  if (r.kind === 'VirtualService') {
    list(r.spec['hosts'], ['spec', 'hosts']);
    for (const kind of ['http', 'tcp', 'tls']) {
      asArray(r.spec[kind]).forEach((rule, i) => {
        asArray(asJson(rule)['route']).forEach((route, j) => {
          out.push({
            host: asString(asJson(asJson(route)['destination'])['host']),
            path: ['spec', kind, i, 'route', j, 'destination', 'host'],
          });
        });
      });
    }
  } else if (r.kind === 'DestinationRule')
    out.push({ host: asString(r.spec['host']), path: ['spec', 'host'] });
  else if (r.kind === 'ServiceEntry') list(r.spec['hosts'], ['spec', 'hosts']);
  return out;
}

function policies(spec: Json): { policy: Json; path: FieldPath }[] {
  const top = asJson(spec['trafficPolicy']);
  return [
    { policy: top, path: ['spec', 'trafficPolicy'] },
    ...asArray(top['portLevelSettings']).map((p, i) => ({
      policy: asJson(p),
      path: ['spec', 'trafficPolicy', 'portLevelSettings', i] as FieldPath,
    })),
    ...asArray(spec['subsets']).map((s, i) => ({
      policy: asJson(asJson(s)['trafficPolicy']),
      path: ['spec', 'subsets', i, 'trafficPolicy'] as FieldPath,
    })),
  ];
}

/** A locality's region part (`region/zone/subzone`, or a `topology.kubernetes.io/region=` priority label). */
function localityRegion(locality: string): string {
  const label = 'topology.kubernetes.io/region=';
  return locality.startsWith(label) ? locality.slice(label.length) : (locality.split('/')[0] ?? '');
}

/** OKM0042: a locality naming us-ashburn-1 or us-phoenix-1 matches no OKE node (they carry iad / phx). */
function checkLocalityNames(ctx: AnalysisContext, r: LintResource, setting: unknown, path: FieldPath): void {
  const at = asJson(setting);
  const names: { locality: string; path: FieldPath }[] = [];
  asArray(at['failover']).forEach((f, i) => {
    for (const side of ['from', 'to'])
      names.push({ locality: asString(asJson(f)[side]), path: [...path, 'failover', i, side] });
  });
  asArray(at['distribute']).forEach((d, i) => {
    const rule = asJson(d);
    names.push({ locality: asString(rule['from']), path: [...path, 'distribute', i, 'from'] });
    for (const to of Object.keys(asJson(rule['to'])))
      names.push({ locality: to, path: [...path, 'distribute', i, 'to', to] });
  });
  asArray(at['failoverPriority']).forEach((p, i) =>
    names.push({ locality: asString(p), path: [...path, 'failoverPriority', i] }),
  );
  for (const { locality, path: where } of names) {
    const region = localityRegion(locality);
    const label = shortNodeRegionLabel(region);
    if (label === undefined) continue;
    okm(
      ctx,
      'OKM0042',
      r,
      `locality ${locality} names region ${region}, but OKE nodes there carry topology.kubernetes.io/region=${label}: no endpoint matches`,
      `use ${locality.replace(region, label)}`,
      where,
    );
  }
}

function checkDestinationRule(ctx: AnalysisContext, dr: LintResource, multi: boolean): void {
  const host = asString(dr.spec['host']);
  if (!inMeshHost(host)) return;
  const all = policies(dr.spec);
  for (const { policy, path } of all) {
    const timeout = asJson(asJson(policy['connectionPool'])['tcp'])['connectTimeout'];
    const ms = durationMs(timeout);
    if (ms !== undefined && ms < ctx.facts.connectTimeoutFloorMs) {
      okm(
        ctx,
        'OKM0060',
        dr,
        `connectTimeout ${String(timeout)} is below ${ctx.facts.connectTimeoutFloorMs}ms: cross-network connects go through a remote load balancer and gateway`,
        'use at least 1s (the default is 10s)',
        [...path, 'connectionPool', 'tcp', 'connectTimeout'],
      );
    }
    const mode = asString(asJson(policy['tls'])['mode']);
    if (mode === 'DISABLE' || mode === 'SIMPLE') {
      okm(
        ctx,
        'OKM0061',
        dr,
        `tls.mode ${mode} toward in-mesh host ${host}: endpoints on other networks are dropped without Istio mTLS`,
        'remove tls (auto mTLS) or use ISTIO_MUTUAL',
        [...path, 'tls', 'mode'],
      );
    }
  }
  for (const { policy, path } of all) {
    const lb = asJson(policy['loadBalancer']);
    if (lb['localityLbSetting'] !== undefined)
      checkLocalityNames(ctx, dr, lb['localityLbSetting'], [...path, 'loadBalancer', 'localityLbSetting']);
    if (lb['consistentHash'] === undefined) continue;
    const locality = lb['localityLbSetting'];
    const enabled = locality === undefined ? multi : asJson(locality)['enabled'] !== false;
    if (enabled)
      okm(
        ctx,
        'OKM0041',
        dr,
        'consistentHash with locality load balancing (on by default): proxies see different endpoint sets, so the same key lands on different hosts',
        'set loadBalancer.localityLbSetting.enabled: false next to consistentHash, or use simple',
        [...path, 'loadBalancer', 'consistentHash'],
      );
  }
  // Wildcard rules (e.g. mesh-wide `*.local` TLS settings) do not route a service; they need no ejection policy.
  if (multi && !host.startsWith('*') && !all.some(({ policy }) => policy['outlierDetection'] !== undefined)) {
    okm(
      ctx,
      'OKM0040',
      dr,
      `DestinationRule for ${host} has no outlierDetection: unhealthy endpoints are never ejected, so traffic never fails over to another cluster`,
      'add trafficPolicy.outlierDetection (e.g. consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s)',
      ['spec', 'trafficPolicy'],
    );
  }
}

/** OKM0040, 0041, 0042, 0050, 0060, 0061: failover, hostnames, connect timeouts and mTLS on cross-network paths. */
export const trafficRule: Analyzer = {
  name: 'okemesh.CrossNetworkTraffic',
  analyze(ctx) {
    const multi = isMulticluster(ctx);
    for (const r of ctx.resources) {
      if (r.group !== 'networking.istio.io') continue;
      for (const { host, path } of hostFields(r)) {
        if (!invented.some((re) => re.test(host))) continue;
        okm(
          ctx,
          'OKM0050',
          r,
          `host ${host} does not exist: a service has the same <svc>.<ns>.svc.cluster.local name in every cluster`,
          'use <svc>.<ns>.svc.cluster.local; route per cluster with topology.istio.io/cluster subsets',
          path,
        );
      }
    }
    for (const dr of ctx.all('networking.istio.io', 'DestinationRule')) checkDestinationRule(ctx, dr, multi);
    for (const pa of ctx.all('security.istio.io', 'PeerAuthentication')) {
      const mtls = asString(asJson(pa.spec['mtls'])['mode']);
      if (mtls === 'DISABLE')
        okm(
          ctx,
          'OKM0061',
          pa,
          'PeerAuthentication mode DISABLE: cross-network traffic relies on mTLS for SNI routing and breaks',
          'use STRICT (or PERMISSIVE while migrating)',
          ['spec', 'mtls', 'mode'],
        );
      for (const [port, setting] of Object.entries(asJson(pa.spec['portLevelMtls']))) {
        if (asJson(setting)['mode'] === 'DISABLE')
          okm(
            ctx,
            'OKM0061',
            pa,
            `portLevelMtls ${port} DISABLE: cross-network traffic to this port breaks`,
            'keep mTLS on ports reached across networks',
            ['spec', 'portLevelMtls', port],
          );
      }
    }
    for (const cp of controlPlanes(ctx.resources)) {
      if (cp.meshConfig['localityLbSetting'] !== undefined)
        checkLocalityNames(ctx, cp.resource, cp.meshConfig['localityLbSetting'], [
          ...cp.meshConfigPath,
          'localityLbSetting',
        ]);
      const timeout = cp.meshConfig['connectTimeout'];
      const ms = durationMs(timeout);
      if (ms !== undefined && ms < ctx.facts.connectTimeoutFloorMs)
        okm(
          ctx,
          'OKM0060',
          cp.resource,
          `meshConfig.connectTimeout ${String(timeout)} is too short for cross-network paths`,
          'use at least 1s (default 10s)',
          [...cp.meshConfigPath, 'connectTimeout'],
        );
    }
  },
};
