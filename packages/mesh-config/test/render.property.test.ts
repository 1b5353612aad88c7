import { isTopologyError, parseTopology } from '@okemesh/topology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { render, resourceId, toYaml } from '../src/index.js';
import { topologyInput } from './topology-arbitrary.js';
import { objectProblems } from './validators.js';

describe('render over generated topologies', () => {
  it('accepts most generated inputs (the generator is not vacuous)', () => {
    const samples = fc.sample(topologyInput, { numRuns: 100, seed: 7 });
    const valid = samples.filter((input) => {
      try {
        parseTopology(toYaml(input));
        return true;
      } catch (error) {
        if (isTopologyError(error)) return false;
        throw error;
      }
    });
    expect(valid.length).toBeGreaterThan(60);
  });

  it('never throws and never emits an object the schema or strict CRD checks reject', () => {
    fc.assert(
      fc.property(topologyInput, (input) => {
        let topology;
        try {
          topology = parseTopology(toYaml(input)).topology;
        } catch (error) {
          if (isTopologyError(error)) return fc.pre(false);
          throw error;
        }
        const bundle = render(topology);
        const rejected = bundle.objects
          .filter((o) => o.appliedWith === 'kustomize')
          .flatMap((o) => objectProblems(o.object).map((p) => `${resourceId(o.object)}: ${p}`));
        expect(rejected).toEqual([]);
        const paths = new Set(bundle.files.map((f) => f.path));
        for (const file of bundle.files) {
          const value: unknown = file.path.endsWith('.json')
            ? JSON.parse(file.content)
            : file.path.endsWith('.yaml')
              ? parse(file.content)
              : file.content;
          expect(value).toBeTruthy();
          if (file.path.endsWith('kustomization.yaml')) {
            const dir = file.path.slice(0, file.path.lastIndexOf('/') + 1);
            for (const resource of (value as { resources: string[] }).resources)
              expect(paths.has(dir + resource)).toBe(true);
          }
        }
        expect(render(topology)).toEqual(bundle);
        return true;
      }),
      { numRuns: 25, seed: 20261123 },
    );
  });
});
