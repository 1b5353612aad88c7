import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  render,
  type DestinationRule,
  type Gateway,
  type IstioOperator,
  type KubeObject,
} from '../src/index.js';
import { CASES, loadCase } from './fixtures.js';

/** The reference's checks (istio-multicluster.md §10), asserted on every golden case independently of the goldens. */
describe.each(Object.keys(CASES))('multicluster invariants: %s', (name) => {
  const topology = loadCase(name);
  const bundle = render(topology);
  const inCluster = (cluster: string) =>
    bundle.objects.filter((o) => o.cluster === cluster).map((o) => o.object);
  const ofKind = <T extends KubeObject>(objects: readonly KubeObject[], kind: string) =>
    objects.filter((o) => o.kind === kind) as T[];

  it.each(topology.spec.clusters.map((c) => [c.name, c] as const))(
    '%s: network label, identifiers and gateway selectors agree',
    (_n, cluster) => {
      const objects = inCluster(cluster.name);
      const ns = objects.find((o) => o.kind === 'Namespace' && o.metadata.name === 'istio-system');
      expect(ns?.metadata.labels?.['topology.istio.io/network']).toBe(cluster.network);
      const operators = ofKind<IstioOperator>(objects, 'IstioOperator');
      const gatewayLabels = operators
        .flatMap((iop) => iop.spec.components?.ingressGateways ?? [])
        .map((g) => g.label ?? {});
      const eastWest = gatewayLabels.find((l) => l['istio'] === 'eastwestgateway');
      expect(eastWest?.['topology.istio.io/network']).toBe(cluster.network);
      for (const gateway of ofKind<Gateway>(objects, 'Gateway')) {
        expect(Object.values(gateway.spec.selector)).not.toContain('egressgateway');
        const matches = gatewayLabels.some((labels) =>
          Object.entries(gateway.spec.selector).every(([k, v]) => labels[k] === v),
        );
        expect([gateway.metadata.name, matches]).toEqual([gateway.metadata.name, true]);
      }
      const crossNetwork = ofKind<Gateway>(objects, 'Gateway').find(
        (g) => g.metadata.name === 'cross-network-gateway',
      );
      expect(crossNetwork?.spec.servers).toEqual([
        {
          port: { number: 15443, name: 'tls', protocol: 'TLS' },
          tls: { mode: 'AUTO_PASSTHROUGH' },
          hosts: ['*.local'],
        },
      ]);
    },
  );

  it('DestinationRules: exact FQDN hosts, failover always with outlier detection, weights sum to 100', () => {
    const rules = ofKind<DestinationRule>(
      bundle.objects.map((o) => o.object),
      'DestinationRule',
    );
    expect(rules).toHaveLength(topology.spec.services.length * topology.spec.clusters.length);
    for (const rule of rules) {
      expect(rule.spec.host).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+\.svc\.cluster\.local$/);
      const lb = rule.spec.trafficPolicy?.loadBalancer?.localityLbSetting;
      if (lb?.failover || lb?.distribute) expect(rule.spec.trafficPolicy?.outlierDetection).toBeDefined();
      expect(lb?.failover && lb.distribute).toBeFalsy();
      for (const d of lb?.distribute ?? []) expect(Object.values(d.to).reduce((a, b) => a + b, 0)).toBe(100);
      const connect = rule.spec.trafficPolicy?.connectionPool?.tcp?.connectTimeout ?? '';
      expect(connect).not.toMatch(/^\d+ms$/);
    }
  });

  it('Istio config is identical in every cluster (multi-primary reads config locally)', () => {
    const istio = (cluster: string) =>
      inCluster(cluster)
        .filter((o) => /istio\.io\//.test(o.apiVersion) && o.kind !== 'IstioOperator')
        .map((o) => JSON.stringify(o))
        .sort();
    const [first, ...rest] = topology.spec.clusters.map((c) => istio(c.name));
    for (const other of rest) expect(other).toEqual(first);
  });

  it('principals use the mesh trust domain without spiffe://', () => {
    for (const file of bundle.files.filter((f) => f.path.includes('/authorization-policy.'))) {
      const principals = (
        parse(file.content) as { spec: { rules: { from: { source: { principals: string[] } }[] }[] } }
      ).spec.rules
        .flatMap((r) => r.from)
        .flatMap((f) => f.source.principals);
      for (const p of principals) expect(p.startsWith(`${topology.spec.mesh.trustDomain}/ns/`)).toBe(true);
    }
  });

  it("contains none of the runbook's invalid fields anywhere", () => {
    const all = bundle.files.map((f) => f.content).join('\n');
    for (const bad of [
      'insecure-skip-tls-verify',
      'redirectPort',
      'minEjectionPercent',
      'egressgateway',
      'consistentHash',
      'svc.cluster.remote',
      'root-key.pem',
    ]) {
      expect([bad, all.includes(bad)]).toEqual([bad, false]);
    }
    expect(all).not.toMatch(/host: "?\*\.[a-z]/);
  });

  it('leaves the reader ServiceAccount to the Istio install and keeps only its token Secret', () => {
    for (const cluster of topology.spec.clusters) {
      const objects = inCluster(cluster.name);
      expect(objects.filter((o) => o.kind === 'ServiceAccount')).toEqual([]);
      const token = objects.find(
        (o) =>
          o.kind === 'Secret' && o.metadata.name === 'istio-reader-service-account-istio-remote-secret-token',
      );
      expect(token?.metadata.annotations?.['kubernetes.io/service-account.name']).toBe(
        'istio-reader-service-account',
      );
    }
    expect(bundle.files.some((f) => f.path.includes('service-account.'))).toBe(false);
  });
});
