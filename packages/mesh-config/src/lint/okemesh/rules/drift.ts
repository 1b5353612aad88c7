import type { AnalysisContext, Analyzer } from '../../context.js';
import { secretData } from '../../analyzers/gateway-secret.js';
import { asArray, asJson, asString, isJson, type LintResource } from '../../resource.js';
import { controlPlanes } from '../install-config.js';
import { okm } from '../report.js';
import { remoteSecrets } from './remote-secret.js';
import { pushTo } from '../../group.js';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJson(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function byCluster(ctx: AnalysisContext): Map<string, LintResource[]> {
  const out = new Map<string, LintResource[]>();
  for (const r of ctx.resources) if (r.cluster !== undefined) pushTo(out, r.cluster, r);
  return out;
}

/** Groups the value each cluster has; reports clusters outside the largest group. */
function outliers<T>(
  entries: readonly { cluster: string; value: string; item: T }[],
  report: (item: T, value: string, majority: string, others: string[]) => void,
): void {
  const groups = new Map<string, (typeof entries)[number][]>();
  for (const e of entries) pushTo(groups, e.value, e);
  if (groups.size < 2) return;
  const [majority] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  if (!majority) return;
  for (const [value, list] of groups) {
    if (value === majority[0]) continue;
    for (const e of list)
      report(
        e.item,
        value,
        majority[0],
        majority[1].map((m) => m.cluster),
      );
  }
}

function identity(ctx: AnalysisContext, clusters: Map<string, LintResource[]>): Map<string, string> {
  const names = new Map<string, string>();
  const meshIds: { cluster: string; value: string; item: LintResource }[] = [];
  const domains: typeof meshIds = [];
  const seen = new Map<string, string>();
  for (const [cluster, resources] of clusters) {
    for (const cp of controlPlanes(resources)) {
      const global = asJson(cp.values['global']);
      const name = asString(asJson(global['multiCluster'])['clusterName']);
      if (name) {
        names.set(cluster, name);
        const other = seen.get(name);
        if (other !== undefined && other !== cluster)
          okm(
            ctx,
            'OKM0091',
            cp.resource,
            `clusterName ${name} is also used by cluster ${other}: istiod ignores a remote cluster with its own ID`,
            'give every cluster a unique clusterName',
            [...cp.valuesPath, 'global', 'multiCluster', 'clusterName'],
          );
        seen.set(name, cluster);
      }
      if (asString(global['meshID']))
        meshIds.push({ cluster, value: asString(global['meshID']), item: cp.resource });
      if (asString(cp.meshConfig['trustDomain']))
        domains.push({ cluster, value: asString(cp.meshConfig['trustDomain']), item: cp.resource });
    }
  }
  outliers(meshIds, (r, v, m, others) =>
    okm(
      ctx,
      'OKM0091',
      r,
      `meshID ${v} differs from ${m} used by ${others.join(', ')}`,
      `use meshID ${m} in every cluster`,
      ['spec', 'values', 'global', 'meshID'],
    ),
  );
  outliers(domains, (r, v, m, others) =>
    okm(
      ctx,
      'OKM0091',
      r,
      `trustDomain ${v} differs from ${m} used by ${others.join(', ')}: principals stop matching across clusters`,
      `use trustDomain ${m} everywhere (or list ${v} in trustDomainAliases)`,
      ['spec', 'meshConfig', 'trustDomain'],
    ),
  );
  return names;
}

function roots(ctx: AnalysisContext, clusters: Map<string, LintResource[]>): void {
  const rootCerts: { cluster: string; value: string; item: LintResource }[] = [];
  const intermediates = new Map<string, string[]>();
  for (const [cluster, resources] of clusters) {
    const cacerts = resources.find((r) => r.kind === 'Secret' && r.name === 'cacerts');
    if (!cacerts) continue;
    const data = secretData(cacerts);
    const root = data.get('root-cert.pem') ?? data.get('ca.crt');
    if (root) rootCerts.push({ cluster, value: root.toString('utf8').trim(), item: cacerts });
    const ca = (data.get('ca-cert.pem') ?? data.get('tls.crt'))?.toString('utf8').trim();
    if (ca) pushTo(intermediates, ca, cluster);
  }
  outliers(rootCerts, (r, _v, _m, others) =>
    okm(
      ctx,
      'OKM0091',
      r,
      `root-cert.pem differs from the root in ${others.join(', ')}: cross-cluster mTLS fails`,
      'sign every cluster intermediate with the same root CA',
      ['data', 'root-cert.pem'],
    ),
  );
  for (const [, list] of intermediates) {
    if (list.length < 2) continue;
    const r = clusters.get(list[1] ?? '')?.find((x) => x.kind === 'Secret' && x.name === 'cacerts');
    if (r)
      okm(
        ctx,
        'OKM0091',
        r,
        `clusters ${list.join(', ')} share one intermediate CA`,
        'issue a distinct intermediate per cluster (L=<cluster>)',
        ['data', 'ca-cert.pem'],
      );
  }
}

const istioConfig = (r: LintResource): boolean =>
  r.group.endsWith('.istio.io') &&
  r.group !== 'install.istio.io' &&
  r.annotations['okemesh.io/cluster-specific'] !== 'true';

function config(ctx: AnalysisContext, clusters: Map<string, LintResource[]>): void {
  const all = [...clusters.keys()];
  const byKey = new Map<string, LintResource[]>();
  for (const resources of clusters.values()) {
    for (const r of resources.filter(istioConfig)) {
      const key = `${r.kind} ${r.namespace}/${r.name}`;
      pushTo(byKey, key, r);
    }
  }
  for (const [key, list] of byKey) {
    const present = list.map((r) => r.cluster ?? '');
    const missing = all.filter((c) => !present.includes(c));
    const first = list[0];
    if (first && missing.length > 0) {
      okm(
        ctx,
        'OKM0090',
        first,
        `${key} exists in ${present.join(', ')} but not in ${missing.join(', ')}: each primary only applies its own config`,
        'apply Istio config to every cluster (or annotate okemesh.io/cluster-specific: "true")',
        ['metadata', 'name'],
      );
    }
    outliers(
      list.map((r) => ({ cluster: r.cluster ?? '', value: canonical(r.spec), item: r })),
      (r, _v, _m, others) =>
        okm(
          ctx,
          'OKM0090',
          r,
          `${key} differs from the copy in ${others.join(', ')}`,
          'keep Istio config identical across clusters (or annotate okemesh.io/cluster-specific: "true")',
          ['spec'],
        ),
    );
  }
}

function services(ctx: AnalysisContext, clusters: Map<string, LintResource[]>): void {
  const byKey = new Map<string, LintResource[]>();
  for (const resources of clusters.values())
    for (const s of resources.filter((r) => r.kind === 'Service' && r.group === ''))
      pushTo(byKey, `${s.namespace}/${s.name}`, s);
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const facets = (s: LintResource) => ({
      type: asString(s.spec['type']) || 'ClusterIP',
      headless: s.spec['clusterIP'] === 'None',
      ports: asArray(s.spec['ports'])
        .map(
          (p) =>
            `${asString(asJson(p)['name'])}:${String(asJson(p)['port'])}/${asString(asJson(p)['protocol']) || 'TCP'}`,
        )
        .sort()
        .join(','),
    });
    const [head, ...rest] = list.map(facets);
    if (!head) continue;
    const differences = (['type', 'headless', 'ports'] as const).filter((k) =>
      rest.some((f) => f[k] !== head[k]),
    );
    if (differences.length === 0) continue;
    const first = list[0] as LintResource;
    ctx.report({
      code: 'IST0170',
      resource: first,
      args: [first.name, first.namespace, list.map((s) => s.cluster ?? ''), differences.join(', ')],
      path: ['spec'],
      hint: 'give the Service the same type, headless-ness and ports in every cluster',
    });
  }
}

function remoteSecretCoverage(
  ctx: AnalysisContext,
  clusters: Map<string, LintResource[]>,
  names: Map<string, string>,
): void {
  const sub = new Map([...clusters].map(([c, rs]) => [c, remoteSecrets(rs)] as const));
  if (![...sub.values()].some((list) => list.length > 0)) return;
  for (const [cluster, list] of sub) {
    const own = names.get(cluster) ?? cluster;
    const keys = new Set(list.flatMap(({ secret }) => [...secretData(secret).keys()]));
    for (const { secret } of list)
      if (secretData(secret).has(own))
        okm(
          ctx,
          'OKM0022',
          secret,
          `cluster ${own} holds its own remote secret: istiod skips it`,
          'install remote secrets only for the other clusters',
          ['metadata', 'name'],
        );
    const anchor = list[0]?.secret ?? clusters.get(cluster)?.[0];
    for (const [peer] of clusters) {
      const peerName = names.get(peer) ?? peer;
      if (peer === cluster || keys.has(peerName) || !anchor) continue;
      okm(
        ctx,
        'OKM0022',
        anchor,
        `cluster ${own} has no remote secret for ${peerName}: its istiod never sees ${peerName}'s endpoints`,
        `install istio-remote-secret-${peerName} in ${own} (one per ordered pair)`,
        ['metadata', 'name'],
      );
    }
  }
}

/** OKM0022, OKM0090, OKM0091 and IST0170 across the clusters of a multicluster directory. */
export const driftRule: Analyzer = {
  name: 'okemesh.ClusterDrift',
  analyze(ctx) {
    const clusters = byCluster(ctx);
    if (clusters.size < 2) return;
    const names = identity(ctx, clusters);
    roots(ctx, clusters);
    config(ctx, clusters);
    services(ctx, clusters);
    remoteSecretCoverage(ctx, clusters, names);
  },
};
