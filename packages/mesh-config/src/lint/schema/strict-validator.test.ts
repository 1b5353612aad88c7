import { describe, expect, it } from 'vitest';
import { validateIstioStrict } from './strict-validator.js';

const dr = (spec: Record<string, unknown>) => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: { name: 'app', namespace: 'default' },
  spec,
});

describe('validateIstioStrict', () => {
  it('accepts a correct DestinationRule', () => {
    const doc = dr({
      host: 'app.default.svc.cluster.local',
      trafficPolicy: {
        loadBalancer: {
          simple: 'LEAST_REQUEST',
          localityLbSetting: { enabled: true, failover: [{ from: 'a', to: 'b' }] },
        },
        outlierDetection: {
          consecutive5xxErrors: 5,
          interval: '10s',
          baseEjectionTime: '30s',
          maxEjectionPercent: 50,
        },
        connectionPool: { tcp: { connectTimeout: '2s' } },
      },
      subsets: [{ name: 'v1', labels: { version: 'v1' } }],
    });
    expect(validateIstioStrict(doc)).toEqual([]);
  });

  it('rejects unknown fields at any depth, with their paths', () => {
    const doc = dr({
      host: 'app',
      trafficPolicy: { outlierDetection: { minEjectionPercent: 5 }, connectTimeout: '10ms' },
    });
    const found = validateIstioStrict(doc).map((v) => [v.kind, v.field]);
    expect(found).toEqual([
      ['unknown-field', 'spec.trafficPolicy.connectTimeout'],
      ['unknown-field', 'spec.trafficPolicy.outlierDetection.minEjectionPercent'],
    ]);
  });

  it('rejects unknown metadata and top-level fields but not map keys', () => {
    const doc = {
      ...dr({ host: 'a' }),
      metadata: { name: 'a', labels: { anything: 'x' }, lables: { a: 'b' } },
      extra: 1,
    };
    expect(validateIstioStrict(doc).map((v) => v.field)).toEqual(['extra', 'metadata.lables']);
  });

  it('reports oneOf groups, enums, types and required fields', () => {
    const doc = dr({
      host: 7,
      trafficPolicy: {
        loadBalancer: { simple: 'FOO', consistentHash: { useSourceIp: true } },
        tls: { mode: 'AUTO' },
      },
    });
    const kinds = validateIstioStrict(doc).map((v) => `${v.kind} ${v.field}`);
    expect(kinds).toEqual([
      'type spec.host',
      'one-of spec.trafficPolicy.loadBalancer',
      'enum spec.trafficPolicy.loadBalancer.simple',
      'enum spec.trafficPolicy.tls.mode',
    ]);
    expect(validateIstioStrict(dr({})).map((v) => v.message)).toEqual([
      'spec: missing required field "host"',
    ]);
  });

  it('finds Gateway redirectPort (runbook mistake) and leaves free-form fields alone', () => {
    const gw = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'], redirectPort: 443 }],
      },
    };
    expect(validateIstioStrict(gw).map((v) => v.field)).toEqual(['spec.servers[0].redirectPort']);
    const ef = {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'EnvoyFilter',
      metadata: { name: 'ef' },
      spec: {
        configPatches: [
          { applyTo: 'HTTP_FILTER', patch: { operation: 'MERGE', value: { anything: { goes: 1 } } } },
        ],
      },
    };
    expect(validateIstioStrict(ef)).toEqual([]);
  });

  it('ignores non-Istio documents and flags Istio kinds that do not exist', () => {
    expect(validateIstioStrict({ apiVersion: 'v1', kind: 'Service', spec: { bogus: 1 } })).toEqual([]);
    expect(
      validateIstioStrict({ apiVersion: 'networking.istio.io/v1', kind: 'Nope', metadata: { name: 'x' } })[0]
        ?.kind,
    ).toBe('unknown-kind');
    expect(validateIstioStrict('text')[0]?.kind).toBe('type');
  });
});
