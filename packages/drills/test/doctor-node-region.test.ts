import { KubeConfig } from '@kubernetes/client-node';
import { startFakeKube, type FakeKube } from '@okemesh/fake-kube';
import type { Cluster } from '@okemesh/topology';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeRegion } from '../src/doctor/kube-checks.js';
import { clientNodeApi } from '../src/kube/client-node-api.js';
import { topologyWith } from './drill-fixture.js';

const fakes: FakeKube[] = [];
afterAll(async () => Promise.all(fakes.map((f) => f.close())));

/** A fake cluster whose nodes carry `topology.kubernetes.io/region` like OKE's cloud controller sets it. */
async function clusterApi(name: string, label: string | undefined, nodes = 2) {
  const fake = await startFakeKube({
    name,
    nodes: Array.from({ length: nodes }, (_, i) => `${name}-node-${i}`),
    ...(label === undefined ? {} : { nodeRegion: label }),
    crds: [],
  });
  fakes.push(fake);
  const config = new KubeConfig();
  config.loadFromString(fake.kubeconfigYaml());
  return clientNodeApi(name, config);
}

async function cluster(region: string): Promise<Cluster> {
  const topology = await topologyWith();
  return { ...(topology.spec.clusters[0] as Cluster), region };
}

describe('doctor node-region: the real node label against the rendered localities', () => {
  it('is ok when us-ashburn-1 nodes carry iad (what the localities name)', async () => {
    const api = await clusterApi('ash', 'iad');
    expect(await nodeRegion(api, await cluster('us-ashburn-1'))).toMatchObject({
      check: 'node-region',
      status: 'ok',
      message: expect.stringContaining('topology.kubernetes.io/region=iad'),
    });
  });

  it('is ok when eu-frankfurt-1 nodes carry the identifier', async () => {
    const api = await clusterApi('fra', 'eu-frankfurt-1');
    expect((await nodeRegion(api, await cluster('eu-frankfurt-1'))).status).toBe('ok');
  });

  it('fails and names both values when the label differs from the locality', async () => {
    const api = await clusterApi('phx', 'us-phoenix-1');
    const finding = await nodeRegion(api, await cluster('us-phoenix-1'));
    expect(finding.status).toBe('fail');
    expect(finding.message).toContain('topology.kubernetes.io/region=us-phoenix-1');
    expect(finding.message).toContain('use phx');
  });

  it('fails on unlabelled nodes and warns when there are no nodes', async () => {
    expect(
      (await nodeRegion(await clusterApi('bare', undefined), await cluster('us-ashburn-1'))).status,
    ).toBe('fail');
    expect(
      (await nodeRegion(await clusterApi('empty', 'iad', 0), await cluster('us-ashburn-1'))).status,
    ).toBe('warn');
  });
});
