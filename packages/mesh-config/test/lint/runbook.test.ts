import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { runbookDocuments } from './runbook.js';

/** The mistakes of reference §8 that live in the runbook's YAML blocks, as (code, resource, message fragment). */
const mistakes: [string, string, string, string][] = [
  [
    '#1 east-west Gateway selects egress pods',
    'OKM0012',
    'Gateway istio-system/istio-eastwestgateway',
    'egress gateway',
  ],
  [
    '#2 DestinationRule wildcard host',
    'IST0174',
    'DestinationRule default/app-service',
    '*.app.default.svc.cluster.local',
  ],
  ['#3 simple + consistentHash', 'IST0106', 'DestinationRule default/app-dr', 'mutually exclusive'],
  [
    '#4 outlierDetection.minEjectionPercent',
    'IST0106',
    'DestinationRule default/app-dr',
    'minEjectionPercent',
  ],
  ['#5 connectTimeout 10ms', 'OKM0060', 'DestinationRule default/app-dr', '10ms'],
  ['#6 Gateway redirectPort', 'IST0106', 'Gateway istio-system/app-ingress-gateway', 'redirectPort'],
  [
    '#7 meshConfig.clusterName',
    'OKM0001',
    'IstioOperator istio-system/istio-controlplane',
    'meshConfig.clusterName',
  ],
  [
    '#8 route to a per-cluster hostname',
    'OKM0050',
    'VirtualService default/app-service',
    'app.default.svc.secondary-cluster.local',
  ],
  [
    '#13 east-west Service selects egress pods',
    'OKM0012',
    'Service istio-system/istio-eastwestgateway',
    'egress gateway pods',
  ],
  [
    '#14 IstioOperator applied with kubectl',
    'OKM0080',
    'IstioOperator istio-system/istio-controlplane',
    'since Istio 1.24',
  ],
];

describe('the hand-written runbook (reference §8)', () => {
  const findings = lint(runbookDocuments());

  it.each(mistakes)('%s → %s', (_what, code, resource, fragment) => {
    expect(
      findings.filter((f) => f.code === code && f.resource === resource && f.message.includes(fragment)),
    ).not.toEqual([]);
  });

  it('points at the offending line of the block', () => {
    const redirect = findings.find((f) => f.message.includes('redirectPort'));
    expect(redirect).toMatchObject({ file: 'runbook-block-12.yaml', line: 17 });
  });
});
