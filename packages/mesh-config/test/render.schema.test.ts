import { describe, expect, it } from 'vitest';
import { render, resourceId, type KubeObject } from '../src/index.js';
import { CASES } from './fixtures.js';
import { isSchemaChecked, objectProblems } from './validators.js';

describe.each(Object.entries(CASES))('schemas: %s', (_name, topology) => {
  const bundle = render(topology());
  const kubectlObjects = bundle.objects.filter((o) => o.appliedWith === 'kustomize').map((o) => o.object);

  it('every Istio and core object passes kubernetes-models validate() and the strict CRD checks', () => {
    const failures = kubectlObjects
      .map((o) => [resourceId(o), objectProblems(o)] as const)
      .filter(([, p]) => p.length);
    expect(failures).toEqual([]);
  });

  it('checks every kind it renders except the ones without a published schema', () => {
    const unchecked = new Set(kubectlObjects.filter((o) => !isSchemaChecked(o)).map((o) => o.kind));
    expect([...unchecked].sort()).toEqual(['ApplicationSet', 'PrometheusRule']);
  });
});

describe('the strict checks can fail', () => {
  const gateway: KubeObject & Record<string, unknown> = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'g', namespace: 'istio-system' },
    spec: {
      selector: { istio: 'ingressgateway' },
      servers: [
        { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'], redirectPort: 443 },
      ],
    },
  };

  it('rejects the runbook redirectPort field', () => {
    expect(objectProblems(gateway).join('\n')).toMatch(/redirectPort/);
  });

  it('rejects simple + consistentHash and minEjectionPercent', () => {
    const rule = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'd', namespace: 'x' },
      spec: {
        host: 'a.x.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: { simple: 'ROUND_ROBIN', consistentHash: { httpHeaderName: 'u' } },
          outlierDetection: { minEjectionPercent: 50 },
        },
      },
    };
    const problems = objectProblems(rule).join('\n');
    expect(problems).toMatch(/minEjectionPercent/);
    expect(problems).toMatch(/oneOf|exclusive/);
  });

  it('evaluates the CRD CEL rules: a 0s VirtualService timeout is rejected', () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'v', namespace: 'x' },
      spec: {
        hosts: ['a.x.svc.cluster.local'],
        http: [{ route: [{ destination: { host: 'a.x.svc.cluster.local' } }], timeout: '0s' }],
      },
    };
    expect(objectProblems(vs as never).join('\n')).toMatch(
      /cel: \.spec\.http\[0\]\.timeout: must be a valid duration greater than 1ms/,
    );
  });

  it('rejects an invalid core object', () => {
    expect(
      objectProblems({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c' },
        data: { k: 1 },
      } as never),
    ).not.toEqual([]);
  });
});
