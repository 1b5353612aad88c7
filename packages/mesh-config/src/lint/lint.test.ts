import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse.js';
import { lint } from './lint.js';

const docs = (text: string, file = 'in.yaml') => parseManifests(text, file).documents;

const vs = (ns: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
${ns ? `  namespace: ${ns}\n` : ''}spec:
  hosts: [reviews]
  http:
    - route:
        - destination: { host: nowhere }
`;

describe('lint()', () => {
  it('names resources like istioctl: namespace only when the input has one', () => {
    expect(lint(docs(vs(''))).map((f) => f.resource)).toEqual(['VirtualService reviews']);
    expect(lint(docs(vs('bookinfo'))).map((f) => f.resource)).toEqual(['VirtualService bookinfo/reviews']);
  });

  it('reports file, line of the offending field, level, analyzer and a hint', () => {
    const [finding] = lint(docs(vs('bookinfo')));
    expect(finding).toMatchObject({
      code: 'IST0101',
      level: 'Error',
      message: 'Referenced host not found: "nowhere"',
      file: 'in.yaml',
      line: 10,
      analyzer: 'virtualservice.DestinationHostAnalyzer',
    });
    expect(finding?.hint).not.toBe('');
  });

  it('skips unknown kinds, system namespaces and non-objects; expands List', () => {
    const text = `apiVersion: example.com/v1
kind: Widget
metadata: { name: w }
spec: { host: nowhere }
---
${vs('kube-system')}---
just a string
---
apiVersion: v1
kind: List
items:
  - ${vs('bookinfo').split('\n').join('\n    ')}
`;
    expect(lint(docs(text)).map((f) => `${f.resource}:${f.line}`)).toEqual([
      'VirtualService bookinfo/reviews:31',
    ]);
  });

  it('runs only the selected analyzers', () => {
    expect(lint(docs(vs('bookinfo')), { only: ['virtualservice.GatewayAnalyzer'] })).toEqual([]);
  });

  it('analyzes clusters separately and tags findings with the cluster', () => {
    const input = [
      ...docs(vs('a'), 'c1/vs.yaml').map((d) => ({ ...d, cluster: 'c1' })),
      ...docs(vs('a'), 'c2/vs.yaml').map((d) => ({ ...d, cluster: 'c2' })),
    ];
    expect(lint(input).map((f) => `${f.cluster ?? ''} ${f.code}`)).toEqual(['c1 IST0101', 'c2 IST0101']);
  });
});
