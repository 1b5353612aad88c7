import { loadExampleTopology, type Topology } from '@okemesh/topology';
import { validateDrill } from '../src/spec/load.js';
import type { Drill, DrillInput } from '../src/spec/drill-schema.js';

export async function topologyWith(slos: Partial<Topology['spec']['slos']> = {}): Promise<Topology> {
  const { topology } = await loadExampleTopology();
  return { ...topology, spec: { ...topology.spec, slos: { ...topology.spec.slos, ...slos } } };
}

/** A short drill: scale reviews to 0 in primary-cluster while probing `url` at 100/s. */
export function shortDrill(topology: Topology, url: string, spec: Partial<DrillInput['spec']> = {}): Drill {
  return validateDrill(
    {
      apiVersion: 'okemesh.io/v1alpha1',
      kind: 'Drill',
      metadata: { name: 'reviews-down' },
      spec: {
        steadyState: { duration: '200ms', minSuccess: 90 },
        probes: [{ type: 'http', name: 'journey', url, rate: 100, mode: 'keepalive' }],
        faults: [
          { type: 'scale-deployment', cluster: 'primary-cluster', namespace: 'bookinfo', name: 'reviews' },
        ],
        hold: '800ms',
        recovery: { sustain: '100ms' },
        maxDuration: '20s',
        ...spec,
      },
    },
    topology,
  );
}
