import { startFakeKubes, writeMultiClusterKubeconfig, type FakeKube } from '@okemesh/fake-kube';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';

/** Three regions whose OKE nodes label themselves differently: iad and phx short keys, eu-frankfurt-1 in full. */
const MESH = `# Three regions, three networks, no revision, a custom trust domain and a service with two ports.
apiVersion: okemesh.io/v1alpha1
kind: MeshTopology
metadata:
  name: payments
spec:
  mesh:
    id: payments-mesh
    trustDomain: payments.example.internal
    istio:
      version: 1.30.3
  clusters:
    - name: ash
      region: us-ashburn-1
      role: primary
      network: net-ash
      kubeContext: ash-admin
      compartment: ocid1.compartment.oc1..aaaaaaaal7vn7wsy3qgizklrlfgo2vllfta3wkqlnfkvykoroite3lzxbnna
      cni: OCI_VCN_IP_NATIVE
      vcn: { cidr: 10.10.0.0/16 }
      pods: { subnets: [{ cidr: 10.10.16.0/20 }] }
      services: { cidr: 10.110.0.0/16 }
    - name: phx
      region: us-phoenix-1
      role: secondary
      network: net-phx
      kubeContext: phx-admin
      compartment: ocid1.compartment.oc1..aaaaaaaal7vn7wsy3qgizklrlfgo2vllfta3wkqlnfkvykoroite3lzxbnna
      cni: OCI_VCN_IP_NATIVE
      vcn: { cidr: 10.20.0.0/16 }
      pods: { subnets: [{ cidr: 10.20.16.0/20 }] }
      services: { cidr: 10.120.0.0/16 }
    - name: fra
      region: eu-frankfurt-1
      role: secondary
      network: net-fra
      kubeContext: fra-admin
      compartment: ocid1.compartment.oc1..aaaaaaaal7vn7wsy3qgizklrlfgo2vllfta3wkqlnfkvykoroite3lzxbnna
      cni: OCI_VCN_IP_NATIVE
      vcn: { cidr: 10.30.0.0/16 }
      pods: { subnets: [{ cidr: 10.30.16.0/20 }] }
      services: { cidr: 10.130.0.0/16 }
  services:
    - name: ledger
      namespace: payments
      ports:
        - { name: http, number: 8080, protocol: HTTP }
        - { name: grpc-admin, number: 9090, protocol: GRPC }
      failover:
        mode: active-passive
        regions: [us-ashburn-1, us-phoenix-1, eu-frankfurt-1]
      timeout: 5s
      connectTimeout: 1500ms
      retries: { attempts: 2, perTryTimeout: 1s }
    - name: api
      namespace: edge
      ports:
        - { name: http, number: 8080, protocol: HTTP }
      failover:
        mode: active-active
        weights: { us-ashburn-1: 40, us-phoenix-1: 40, eu-frankfurt-1: 20 }
    - name: audit
      namespace: payments
      ports:
        - { name: tcp-stream, number: 7000, protocol: TCP }
      failover:
        mode: active-passive
        regions: [eu-frankfurt-1, us-ashburn-1, us-phoenix-1]
      retries: { attempts: 0 }
  ingress:
    hosts: [pay.example.com, api.pay.example.com]
    tlsSecret: pay-example-com-tls
    routes:
      - { prefix: /, service: api }
      - { prefix: /ledger, service: ledger, port: 8080 }
  slos:
    availability: 99.99
    rto: 5m
    rpo: 1m
    dnsFailover: 60s
    crossClusterP99: 150ms
    meshSync: 10s
`;

/** `topology.kubernetes.io/region` as the OCI cloud controller sets it on OKE nodes (issue 12, item 1). */
const NODE_LABEL = { ash: 'iad', phx: 'phx', fra: 'eu-frankfurt-1' } as const;
const CONTEXT = { ash: 'ash-admin', phx: 'phx-admin', fra: 'fra-admin' } as const;

let dir: string;
let fakes: FakeKube[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'okemesh-three-region-'));
  await writeFile(join(dir, 'mesh.yaml'), MESH);
  const names = Object.keys(NODE_LABEL) as (keyof typeof NODE_LABEL)[];
  fakes = await startFakeKubes(
    names.map((name) => ({
      name,
      namespaces: ['istio-system'],
      nodes: [`${name}-node-1`, `${name}-node-2`],
      nodeRegion: NODE_LABEL[name],
      crds: [],
    })),
  );
  await writeMultiClusterKubeconfig(
    join(dir, 'kubeconfig'),
    names.map((name, i) => ({ context: CONTEXT[name], cluster: fakes[i] as FakeKube })),
  );
}, 30_000);
afterAll(async () => Promise.all(fakes.map((f) => f.close())));

describe('us-ashburn-1 + us-phoenix-1 + eu-frankfurt-1: rendered localities match the node labels', () => {
  it('render names only the node label values, and doctor finds every cluster matching', async () => {
    expect(await run(['render', '-f', 'mesh.yaml', '-o', 'out'], bufferIo(dir))).toBe(0);
    const localities = new Set<string>();
    for (const cluster of Object.keys(NODE_LABEL)) {
      const files = (await readdir(join(dir, 'out/clusters', cluster))).filter((f) =>
        f.startsWith('destination-rule.'),
      );
      expect(files.length).toBe(3);
      for (const file of files) {
        const rule = parse(await readFile(join(dir, 'out/clusters', cluster, file), 'utf8')) as {
          spec: {
            trafficPolicy: {
              loadBalancer: {
                localityLbSetting: {
                  failover?: { from: string; to: string }[];
                  distribute?: { from: string; to: Record<string, number> }[];
                };
              };
            };
          };
        };
        const setting = rule.spec.trafficPolicy.loadBalancer.localityLbSetting;
        for (const f of setting.failover ?? []) localities.add(f.from).add(f.to);
        for (const d of setting.distribute ?? [])
          for (const to of Object.keys(d.to)) localities.add(to.split('/')[0] ?? '');
      }
    }
    const nodeLabels = fakes.flatMap((f) =>
      f.list('v1', 'Node').map((n) => String(n.metadata.labels?.['topology.kubernetes.io/region'])),
    );
    expect([...localities].sort()).toEqual([...new Set(nodeLabels)].sort());

    const io = bufferIo(dir);
    await run(['doctor', '-f', 'mesh.yaml', '--kubeconfig', join(dir, 'kubeconfig'), '--json'], io);
    const report = JSON.parse(io.out()) as { findings: { check: string; cluster: string; status: string }[] };
    expect(
      report.findings.filter((f) => f.check === 'node-region').map((f) => [f.cluster, f.status]),
    ).toEqual([
      ['ash', 'ok'],
      ['phx', 'ok'],
      ['fra', 'ok'],
    ]);
  });
});
