import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { render } from '../src/index.js';
import { CASES, loadCase } from './fixtures.js';

const DNS = { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' };

describe.each(Object.keys(CASES))('DNS proxying in both install paths: %s', (name) => {
  const topology = loadCase(name);
  const bundle = render(topology);
  const read = (path: string) =>
    parse(bundle.files.find((f) => f.path === path)?.content ?? 'null') as unknown;

  it.each(topology.spec.clusters.map((c) => c.name))(
    '%s: proxyMetadata captures DNS and auto-allocates addresses',
    (cluster) => {
      const iop = read(`clusters/${cluster}/install/control-plane.istio-operator.yaml`) as {
        spec: { meshConfig: { defaultConfig: { proxyMetadata: Record<string, string> } } };
      };
      const helm = read(`clusters/${cluster}/install/helm/istiod.values.yaml`) as {
        meshConfig: { defaultConfig: { proxyMetadata: Record<string, string> } };
      };
      expect(iop.spec.meshConfig.defaultConfig.proxyMetadata).toEqual(DNS);
      expect(helm.meshConfig.defaultConfig.proxyMetadata).toEqual(DNS);
    },
  );
});
