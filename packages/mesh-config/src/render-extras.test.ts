import { exampleTopology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from './model/kube-object.js';
import { render } from './render.js';

const secret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'cacerts', namespace: 'istio-system' },
};

describe('render extras', () => {
  it('adds extra objects to one cluster directory and its kustomization only', () => {
    const bundle = render(exampleTopology(), { extraObjects: { 'primary-cluster': [secret] } });
    const paths = bundle.files.map((f) => f.path);
    expect(paths).toContain('clusters/primary-cluster/secret.istio-system.cacerts.yaml');
    expect(paths).not.toContain('clusters/secondary-cluster/secret.istio-system.cacerts.yaml');
    const kustomization = bundle.files.find((f) => f.path === 'clusters/primary-cluster/kustomization.yaml')!;
    expect((parse(kustomization.content) as { resources: string[] }).resources).toContain(
      'secret.istio-system.cacerts.yaml',
    );
    expect(
      bundle.objects.some(
        (o) =>
          o.cluster === 'primary-cluster' &&
          o.object.kind === 'Secret' &&
          o.object.metadata.name === 'cacerts',
      ),
    ).toBe(true);
  });

  it('places extra files under global/ and keeps them out of the kustomization', () => {
    const bundle = render(exampleTopology(), {
      globalFiles: [{ path: 'oci/network.json', content: '{}\n' }],
    });
    expect(bundle.files.find((f) => f.path === 'global/oci/network.json')?.content).toBe('{}\n');
    const kustomization = bundle.files.find((f) => f.path === 'global/kustomization.yaml')!;
    expect(kustomization.content).not.toContain('oci/');
  });

  it('rejects extra objects for a cluster the topology does not declare', () => {
    expect(() => render(exampleTopology(), { extraObjects: { nowhere: [secret] } })).toThrow(
      'extraObjects names cluster "nowhere"',
    );
  });
});
