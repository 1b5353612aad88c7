import { exampleTopology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { regionEndpoints } from './dns-endpoints.js';
import { httpMonitorSpec } from './health-monitor.js';
import { failoverSteeringPolicy } from './steering-policy.js';
import { assertValidSteeringPolicy, steeringPolicyProblems } from './steering-policy-check.js';

const topology = exampleTopology();
const endpoints = regionEndpoints(topology, {
  'us-sanjose-1': '203.0.113.10',
  'us-chicago-1': '198.51.100.20',
});
const policy = failoverSteeringPolicy(topology, endpoints, 'ocid1.healthcheckhttpmonitor.oc1..m');

describe('failover steering policy', () => {
  it('is FILTER → HEALTH → PRIORITY → LIMIT with the primary region first', () => {
    expect(policy.rules.map((r) => r.ruleType)).toEqual(['FILTER', 'HEALTH', 'PRIORITY', 'LIMIT']);
    expect(policy.answers).toEqual([
      { name: 'us-sanjose-1', rtype: 'A', rdata: '203.0.113.10', pool: 'us-sanjose-1' },
      { name: 'us-chicago-1', rtype: 'A', rdata: '198.51.100.20', pool: 'us-chicago-1' },
    ]);
    expect(steeringPolicyProblems(policy, httpMonitorSpec(topology, endpoints).targets)).toEqual([]);
  });

  it('defaults to per-region CNAME answers', () => {
    expect(regionEndpoints(topology).map((e) => `${e.rtype} ${e.address}`)).toEqual([
      'CNAME us-sanjose-1.app.example.com',
      'CNAME us-chicago-1.app.example.com',
    ]);
  });

  it('rejects the runbook shape: ruleType FAILOVER and answer.isHealthy', () => {
    const runbook = {
      ...policy,
      answers: policy.answers.map((a) => ({ ...a, isHealthy: true })),
      rules: [{ ruleType: 'FAILOVER', primary: 'us-sanjose-1' }],
    };
    const problems = steeringPolicyProblems(runbook);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/isHealthy is not a steering answer field/),
        expect.stringMatching(/ruleType FAILOVER is not/),
      ]),
    );
    expect(() => assertValidSteeringPolicy(runbook)).toThrow(
      expect.objectContaining({ code: 'OCI_INVALID_STEERING_POLICY' }),
    );
  });

  it('rejects a HEALTH rule without a monitor, LIMIT not last, and unmonitored answers', () => {
    const { healthCheckMonitorId: _m, ...noMonitor } = policy;
    expect(steeringPolicyProblems(noMonitor).join()).toMatch(/FILTER → PRIORITY → LIMIT/);
    const reordered = { ...policy, rules: [...policy.rules].reverse() };
    expect(steeringPolicyProblems(reordered).join()).toMatch(/must be FILTER → HEALTH → PRIORITY → LIMIT/);
    expect(steeringPolicyProblems(policy, ['203.0.113.10']).join()).toMatch(
      /us-chicago-1 .* would be assumed healthy/,
    );
  });

  it('monitor uses the topology probe settings and rejects intervals OCI does not offer', () => {
    expect(httpMonitorSpec(topology, endpoints)).toMatchObject({
      protocol: 'HTTPS',
      port: 443,
      path: '/productpage',
      intervalInSeconds: 10,
      timeoutInSeconds: 10,
    });
    const bad = structuredClone(topology);
    if (bad.spec.dns) bad.spec.dns.healthCheck.interval = '15s';
    expect(() => httpMonitorSpec(bad, endpoints)).toThrow(
      expect.objectContaining({ code: 'OCI_INVALID_HEALTH_CHECK' }),
    );
  });
});
