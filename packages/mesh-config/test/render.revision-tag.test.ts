import { describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { loadCase } from './fixtures.js';

const runbookOf = (name: string) =>
  render(loadCase(name)).files.find((f) => f.path === 'RUNBOOK.md')?.content ?? '';

describe('revision tags: canary upgrades move a tag, not every namespace label', () => {
  it('a revisioned mesh labels application namespaces with the prod-stable tag, never the revision', () => {
    const topology = loadCase('example');
    expect(topology.spec.mesh.istio.revision).toBe('1-30-3');
    const namespaces = render(topology)
      .objects.map((o) => o.object)
      .filter((o) => o.kind === 'Namespace' && o.metadata.name === 'bookinfo');
    expect(namespaces.length).toBe(topology.spec.clusters.length);
    for (const ns of namespaces) {
      expect(ns.metadata.labels?.['istio.io/rev']).toBe('prod-stable');
      expect(ns.metadata.labels).not.toHaveProperty('istio-injection');
    }
  });

  it('the runbook points the tag at the revision and names the istiod Helm release per revision', () => {
    const runbook = runbookOf('example');
    expect(runbook).toContain(
      'istioctl tag set prod-stable --revision 1-30-3 --overwrite --context=primary-cluster-context',
    );
    expect(runbook).toMatch(/helm upgrade --install istiod-1-30-3 istio\/istiod /);
    expect(runbook).not.toMatch(/helm upgrade --install istiod istio\/istiod /);
    expect(runbook).toContain('No namespace is relabelled.');
  });

  it('an unrevisioned mesh keeps istio-injection=enabled, the plain istiod release and no tag', () => {
    const runbook = runbookOf('three-region');
    expect(runbook).toMatch(/helm upgrade --install istiod istio\/istiod /);
    expect(runbook).not.toContain('istioctl tag set');
    const ns = render(loadCase('three-region'))
      .objects.map((o) => o.object)
      .find((o) => o.kind === 'Namespace' && o.metadata.name === 'payments');
    expect(ns?.metadata.labels?.['istio-injection']).toBe('enabled');
  });
});
