import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../parse.js';
import { lint } from '../../lint.js';

const twoClusters = {
  mesh: {
    clusters: [
      { name: 'a', network: 'n1' },
      { name: 'b', network: 'n2' },
    ],
  },
};
const codes = (yaml: string, options = {}) =>
  lint(parseManifests(yaml, 'x.yaml').documents, { only: ['okemesh.CrossNetworkTraffic'], ...options }).map(
    (f) => f.code,
  );

const dr = (host: string, policy = '{ loadBalancer: { simple: LEAST_REQUEST } }') =>
  `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: { name: d, namespace: default }\nspec:\n  host: "${host}"\n  trafficPolicy: ${policy}\n`;

describe('okemesh.CrossNetworkTraffic', () => {
  it('asks for outlierDetection only for service hosts of a multicluster mesh', () => {
    expect(codes(dr('app.default.svc.cluster.local'), twoClusters)).toEqual(['OKM0040']);
    expect(codes(dr('app.default.svc.cluster.local'))).toEqual([]);
    expect(codes(dr('*.local', '{ tls: { mode: ISTIO_MUTUAL } }'), twoClusters)).toEqual([]);
    expect(codes(dr('api.example.com'), twoClusters)).toEqual([]);
  });

  it.each([
    ['app.default.svc.secondary-cluster.local', true],
    ['*.default.svc.cluster.remote', true],
    ['app.default.global', true],
    ['app.default.svc.clusterset.local', true],
    ['app.default.svc.cluster.local', false],
    ['app', false],
    ['api.example.com', false],
  ])('host %s invented: %s', (host, invented) => {
    const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: v, namespace: default }\nspec:\n  hosts: ["${host}"]\n  http: [{ route: [{ destination: { host: "${host}" } }] }]\n`;
    expect(codes(vs)).toEqual(invented ? ['OKM0050', 'OKM0050'] : []);
  });

  it('flags a short connect timeout and TLS modes that drop cross-network endpoints, not external hosts', () => {
    expect(
      codes(
        dr(
          'app.default.svc.cluster.local',
          '{ connectionPool: { tcp: { connectTimeout: 250ms } }, tls: { mode: SIMPLE } }',
        ),
      ),
    ).toEqual(['OKM0060', 'OKM0061']);
    expect(
      codes(
        dr(
          'api.example.com',
          '{ connectionPool: { tcp: { connectTimeout: 250ms } }, tls: { mode: SIMPLE } }',
        ),
      ),
    ).toEqual([]);
  });
});
