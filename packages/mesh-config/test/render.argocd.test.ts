import { describe, expect, it } from 'vitest';
import { render, type ApplicationSet } from '../src/index.js';
import { CASES, loadCase } from './fixtures.js';

const KEEP = 'Prune=false,Delete=false';

describe.each(Object.keys(CASES))('Argo CD never prunes or cascade-deletes shared objects: %s', (name) => {
  const bundle = render(loadCase(name));
  const objects = bundle.objects.map((o) => o.object);

  it('the ApplicationSet preserves resources when a cluster (its Application) is removed', () => {
    const set = objects.find((o) => o.kind === 'ApplicationSet') as ApplicationSet | undefined;
    expect(set?.spec.syncPolicy).toEqual({ preserveResourcesOnDeletion: true });
    expect(set?.spec.template.spec.syncPolicy.automated.prune).toBe(true);
  });

  it('every Namespace and the reader token Secret carry Prune=false,Delete=false', () => {
    const shared = objects.filter(
      (o) =>
        o.kind === 'Namespace' ||
        (o.kind === 'Secret' && o.metadata.name === 'istio-reader-service-account-istio-remote-secret-token'),
    );
    expect(shared.length).toBeGreaterThan(3);
    for (const o of shared)
      expect([o.kind, o.metadata.name, o.metadata.annotations?.['argocd.argoproj.io/sync-options']]).toEqual([
        o.kind,
        o.metadata.name,
        KEEP,
      ]);
  });

  it('Istio routing objects stay prunable (removing a service from mesh.yaml removes its rules)', () => {
    const rule = objects.find((o) => o.kind === 'DestinationRule');
    expect(rule?.metadata.annotations?.['argocd.argoproj.io/sync-options']).toBeUndefined();
  });
});
