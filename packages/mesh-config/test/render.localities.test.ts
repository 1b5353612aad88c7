import { describe, expect, it } from 'vitest';
import { render, type DestinationRule } from '../src/index.js';
import { lint } from '../src/lint/lint.js';
import { parseManifests } from '../src/parse.js';
import { loadCase } from './fixtures.js';

/**
 * `topology.kubernetes.io/region` on OKE nodes, as the cloud controller sets it from `Instance.region`:
 * the short key in the two oldest regions, the identifier elsewhere (issue 12, item 1).
 */
const OKE_NODE_REGION_LABEL: Readonly<Record<string, string>> = {
  ash: 'iad',
  phx: 'phx',
  fra: 'eu-frankfurt-1',
};

function localityRegions(rule: DestinationRule): string[] {
  const setting = rule.spec.trafficPolicy?.loadBalancer?.localityLbSetting;
  const failover = (setting?.failover ?? []).flatMap((f) => [f.from, f.to]);
  const distribute = (setting?.distribute ?? []).flatMap((d) => [d.from, ...Object.keys(d.to)]);
  return [...failover, ...distribute].filter((l) => l !== '*').map((l) => l.split('/')[0] as string);
}

describe('three-region render (us-ashburn-1, us-phoenix-1, eu-frankfurt-1): localities match node labels', () => {
  const topology = loadCase('three-region');
  const bundle = render(topology);
  const rules = bundle.objects
    .map((o) => o.object)
    .filter((o) => o.kind === 'DestinationRule') as DestinationRule[];

  it('uses the clusters in the three regions', () => {
    expect(topology.spec.clusters.map((c) => [c.name, c.region])).toEqual([
      ['ash', 'us-ashburn-1'],
      ['phx', 'us-phoenix-1'],
      ['fra', 'eu-frankfurt-1'],
    ]);
  });

  it('names only localities that some cluster node carries, and every cluster region appears', () => {
    const labels = new Set(Object.values(OKE_NODE_REGION_LABEL));
    const used = new Set(rules.flatMap(localityRegions));
    expect([...used].sort()).toEqual([...labels].sort());
  });

  it('active-active api distributes to iad, phx and eu-frankfurt-1 by weight', () => {
    const api = rules.find((r) => r.metadata.name === 'api');
    expect(api?.spec.trafficPolicy?.loadBalancer?.localityLbSetting?.distribute).toEqual([
      { from: '*', to: { 'iad/*': 40, 'phx/*': 40, 'eu-frankfurt-1/*': 20 } },
    ]);
  });

  it('active-passive ledger fails over between the label values', () => {
    const ledger = rules.find((r) => r.metadata.name === 'ledger');
    expect(ledger?.spec.trafficPolicy?.loadBalancer?.localityLbSetting?.failover).toEqual([
      { from: 'iad', to: 'phx' },
      { from: 'phx', to: 'iad' },
      { from: 'eu-frankfurt-1', to: 'iad' },
    ]);
  });

  it('lints without locality-name findings', () => {
    const docs = bundle.files
      .filter((f) => f.path.endsWith('.yaml'))
      .flatMap((f) => parseManifests(f.content, f.path).documents);
    expect(lint(docs).filter((f) => f.code === 'OKM0042')).toEqual([]);
  });
});
