import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { parseManifests } from '../../src/parse.js';

const sample = (name: string) =>
  parseManifests(readFileSync(new URL(`./istio-samples/${name}`, import.meta.url), 'utf8'), name).documents;

const summary = (findings: ReturnType<typeof lint>) =>
  findings.map((f) => `${f.code} ${f.resource} :${f.line} ${f.message}`);

describe("Istio's own samples", () => {
  it('expose-istiod.yaml (a PASSTHROUGH istiod Gateway) is not taken for a broken cross-network gateway', () => {
    const findings = lint(sample('expose-istiod.yaml'));
    expect(findings.filter((f) => f.code.startsWith('OKM'))).toEqual([]);
    // The selected gateway pods and istiod are not in the file: istioctl reports the same IST0101s, once each.
    expect(summary(findings)).toEqual([
      'IST0101 Gateway istiod-gateway :8 Referenced selector not found: "istio=eastwestgateway"',
      'IST0101 VirtualService istiod-vs :44 Referenced host not found: "istiod.istio-system.svc.cluster.local"',
      'IST0101 VirtualService istiod-vs :53 Referenced host not found: "istiod.istio-system.svc.cluster.local"',
    ]);
  });

  it('--namespace gives namespace-less resources a namespace, like `istioctl analyze -n`', () => {
    const findings = lint(sample('expose-istiod.yaml'), { namespace: 'istio-system' });
    expect(findings.filter((f) => f.code.startsWith('OKM'))).toEqual([]);
    expect([...new Set(findings.map((f) => f.resource))]).toEqual([
      'Gateway istio-system/istiod-gateway',
      'VirtualService istio-system/istiod-vs',
    ]);
  });

  it('a cross-network Gateway that also publishes istiod is still flagged (multi-primary must not)', () => {
    const docs = parseManifests(
      `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: cross-network-gateway, namespace: istio-system }
spec:
  selector: { istio: eastwestgateway }
  servers:
    - port: { number: 15443, name: tls, protocol: TLS }
      tls: { mode: AUTO_PASSTHROUGH }
      hosts: ["*.local"]
    - port: { number: 15012, name: tls-istiod, protocol: TLS }
      tls: { mode: PASSTHROUGH }
      hosts: ["*"]
`,
      'gw.yaml',
    ).documents;
    expect(
      lint(docs)
        .filter((f) => f.code === 'OKM0011')
        .map((f) => f.line),
    ).toEqual([10]);
  });
});
