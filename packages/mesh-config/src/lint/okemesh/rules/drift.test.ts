import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../parse.js';
import { lint, type LintDocument } from '../../lint.js';

function mesh(clusters: Record<string, string>): LintDocument[] {
  return Object.entries(clusters).flatMap(([cluster, yaml]) =>
    parseManifests(yaml, `${cluster}/all.yaml`).documents.map((d) => ({ ...d, cluster })),
  );
}
const drift = (docs: LintDocument[]) =>
  lint(docs, { only: ['okemesh.ClusterDrift'] }).map((f) => `${f.cluster} ${f.code} ${f.message}`);

const svc = (ports: string, type = 'ClusterIP') =>
  `apiVersion: v1\nkind: Service\nmetadata: { name: app, namespace: default }\nspec:\n  type: ${type}\n  ports: ${ports}\n`;
const pa = (mode: string, annotations = '{}') =>
  `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: { name: default, namespace: default, annotations: ${annotations} }\nspec: { mtls: { mode: ${mode} } }\n`;

describe('okemesh.ClusterDrift', () => {
  it('reports a Service that differs between clusters as IST0170', () => {
    expect(
      drift(
        mesh({ a: svc('[{ name: http, port: 80 }]'), b: svc('[{ name: http, port: 8080 }]', 'NodePort') }),
      ),
    ).toEqual([
      'a IST0170 The service app in namespace "default" is inconsistent across clusters ["a" "b"], which can lead to undefined behaviors. The inconsistent behaviors are: type, ports.',
    ]);
    expect(
      drift(mesh({ a: svc('[{ name: http, port: 80 }]'), b: svc('[{ name: http, port: 80 }]') })),
    ).toEqual([]);
  });

  it('reports Istio config that differs or is missing, unless marked cluster-specific', () => {
    expect(drift(mesh({ a: pa('STRICT'), b: pa('STRICT'), c: pa('PERMISSIVE') }))).toEqual([
      'c OKM0090 PeerAuthentication default/default differs from the copy in a, b',
    ]);
    expect(drift(mesh({ a: pa('STRICT'), b: svc('[]') }))).toEqual([
      'a OKM0090 PeerAuthentication default/default exists in a but not in b: each primary only applies its own config',
    ]);
    const marked = '{ okemesh.io/cluster-specific: "true" }';
    expect(drift(mesh({ a: pa('STRICT', marked), b: pa('PERMISSIVE', marked) }))).toEqual([]);
  });

  it('does nothing for a single cluster', () => {
    expect(drift(mesh({ a: pa('STRICT') }))).toEqual([]);
  });
});
