import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../parse.js';
import { lint } from '../lint.js';

const run = (kind: string, spec: string, name = 'x') =>
  lint(
    parseManifests(
      `apiVersion: ${kind === 'AuthorizationPolicy' ? 'security.istio.io/v1' : 'networking.istio.io/v1'}\nkind: ${kind}\nmetadata: { name: ${name}, namespace: default }\nspec:\n${spec}`,
      'x.yaml',
    ).documents,
    {
      only: ['schema.ValidationAnalyzer'],
    },
  ).map((f) => `${f.code} ${f.message}`);

const dr = (policy: string) =>
  run('DestinationRule', `  host: a.default.svc.cluster.local\n  trafficPolicy:\n${policy}`);

describe('schema.ValidationAnalyzer: Istio webhook rules beyond the CRD schema', () => {
  it.each([
    [
      'distribute and failover together',
      '    loadBalancer:\n      localityLbSetting:\n        distribute: [{ from: a/*, to: { b/*: 100 } }]\n        failover: [{ from: a, to: b }]\n    outlierDetection: {}',
      'distribute and failover cannot both be set',
    ],
    [
      'distribute weights not summing to 100',
      '    loadBalancer:\n      localityLbSetting:\n        distribute: [{ from: a/*, to: { b/*: 60, c/*: 30 } }]',
      'sum to 100 (sum 90)',
    ],
    [
      'failover to the same region',
      '    loadBalancer:\n      localityLbSetting:\n        failover: [{ from: a, to: a }]\n    outlierDetection: {}',
      'from and to must differ',
    ],
    [
      'failover with zones',
      '    loadBalancer:\n      localityLbSetting:\n        failover: [{ from: a/z1, to: b }]\n    outlierDetection: {}',
      'must be regions',
    ],
    [
      'failoverPriority with region labels and failover',
      '    loadBalancer:\n      localityLbSetting:\n        failover: [{ from: a, to: b }]\n        failoverPriority: [topology.kubernetes.io/region]\n    outlierDetection: {}',
      'failoverPriority cannot use region',
    ],
    [
      'failover without outlierDetection (warning)',
      '    loadBalancer:\n      localityLbSetting:\n        failover: [{ from: a, to: b }]',
      'IST0133 Schema validation warning: outlier detection policy must be provided for failover',
    ],
    [
      'local origin failures without split',
      '    outlierDetection: { consecutiveLocalOriginFailures: 5 }',
      'split external local origin errors is set to false',
    ],
    [
      'sub-millisecond durations',
      '    outlierDetection: { interval: 500us }\n    connectionPool: { tcp: { connectTimeout: 0s } }',
      'outlierDetection.interval: duration must be at least 1ms',
    ],
  ])('%s', (_name, policy, fragment) => {
    expect(dr(policy).join('\n')).toContain(fragment);
  });

  it('VirtualService retries', () => {
    const findings = run(
      'VirtualService',
      '  hosts: [a]\n  http:\n    - retries: { attempts: 0, perTryTimeout: 0.1ms, retryOn: "5xx,bogus,503" }\n      route: [{ destination: { host: a } }]',
    ).join('\n');
    expect(findings).toContain('retry policy configured when attempts are 0');
    expect(findings).toContain('perTryTimeout: duration must be at least 1ms');
    expect(findings).toContain('"bogus" is not a valid retry policy');
    expect(findings).not.toContain('"503"');
  });

  it('Gateway servers and name', () => {
    const findings = run(
      'Gateway',
      '  servers:\n    - { port: { number: 443, name: p, protocol: HTTPS }, hosts: ["*"] }\n    - { port: { number: 80, name: p, protocol: HTTP }, hosts: ["*"], tls: { mode: SIMPLE } }',
      'Bad_Name',
    ).join('\n');
    expect(findings).toContain('invalid gateway name');
    expect(findings).toContain('duplicate name p');
    expect(findings).toContain('must have TLS settings for HTTPS/TLS');
    expect(findings).toContain('other than httpsRedirect');
  });

  it('AuthorizationPolicy serviceAccounts with principals', () => {
    const findings = run(
      'AuthorizationPolicy',
      '  rules:\n    - from:\n        - source: { serviceAccounts: [default/a], principals: [cluster.local/ns/default/sa/a] }',
    );
    expect(findings.join('\n')).toContain('cannot set serviceAccounts with namespaces or principals');
  });

  it('accepts a correct failover DestinationRule', () => {
    expect(
      dr(
        '    loadBalancer:\n      simple: LEAST_REQUEST\n      localityLbSetting:\n        failover: [{ from: a, to: b }]\n    outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 100 }\n    connectionPool: { tcp: { connectTimeout: 2s } }',
      ),
    ).toEqual([]);
  });
});
