import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleTopology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { MONITOR_ID_PLACEHOLDER, ociArtifacts } from './artifacts.js';
import { steeringPolicyProblems } from './steering-policy-check.js';

describe('ociArtifacts', () => {
  const artifacts = ociArtifacts(exampleTopology(), { ingressAddresses: { 'us-sanjose-1': '203.0.113.10' } });

  it('writes network, IAM, monitor, steering policy and attachment under oci/', () => {
    expect(artifacts.map((a) => a.path)).toEqual([
      'oci/network.json',
      'oci/iam-policy.txt',
      'oci/health-monitor.json',
      'oci/steering-policy.json',
      'oci/steering-policy-attachment.json',
      'oci/README.md',
    ]);
  });

  it("the README says the steering policy's monitor id is a placeholder that dns apply fills in", () => {
    const readme = artifacts.find((a) => a.path === 'oci/README.md')?.content ?? '';
    const policy = artifacts.find((a) => a.path === 'oci/steering-policy.json')?.content ?? '';
    expect(policy).toContain(MONITOR_ID_PLACEHOLDER);
    expect(readme).toContain(`placeholder \`${MONITOR_ID_PLACEHOLDER}\``);
    expect(readme).toContain('`okemesh dns apply` creates the monitor');
    const { spec, ...rest } = exampleTopology();
    const { dns: _dns, ...withoutDns } = spec;
    const bare = ociArtifacts({ ...rest, spec: withoutDns } as never);
    expect(bare.find((a) => a.path === 'oci/README.md')?.content).toContain('no `spec.dns`');
    expect(bare.map((a) => a.path)).not.toContain('oci/steering-policy.json');
  });

  it('the steering policy file is a valid FAILOVER body matching the monitor targets', () => {
    const policy = JSON.parse(
      artifacts.find((a) => a.path === 'oci/steering-policy.json')?.content ?? '{}',
    ) as unknown;
    const monitor = JSON.parse(
      artifacts.find((a) => a.path === 'oci/health-monitor.json')?.content ?? '{}',
    ) as { targets: string[] };
    expect(monitor.targets).toEqual(['203.0.113.10', 'us-chicago-1.app.example.com']);
    expect(steeringPolicyProblems(policy, monitor.targets)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(ociArtifacts(exampleTopology(), { ingressAddresses: { 'us-sanjose-1': '203.0.113.10' } })).toEqual(
      artifacts,
    );
  });
});

describe('the ./plan entry stays SDK-free', () => {
  it('no module reachable from src/plan.ts imports an oci-* package', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec = ''] of text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
        expect(spec.startsWith('oci-'), `${file} imports ${spec}`).toBe(false);
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(resolve(src, 'plan.ts'));
    expect(seen.size).toBeGreaterThan(8);
  });
});
