import { asJson, asString, type LintResource } from '../resource.js';
import { syntheticResource } from '../synthetic.js';
import type { DeclaredMesh } from './declared-mesh.js';
import { gatewayWorkloads } from './install-config.js';

const synthetic = (
  kind: string,
  name: string,
  namespace: string,
  labels: Record<string, string>,
  spec: Record<string, unknown>,
): LintResource => syntheticResource('(declared)', kind, name, namespace, labels, spec);

/**
 * Pods and Services that the input declares without spelling them out: gateway deployments of IstioOperators and
 * istio/gateway Helm values, the topology's application services (Service + injected pod labelled app=<name>),
 * and the Secrets that declared secrets and ExternalSecrets stand for.
 * Analyzers see them like real objects; findings on them are never reported.
 */
export function declaredWorkloads(
  resources: readonly LintResource[],
  mesh: DeclaredMesh | undefined,
): LintResource[] {
  const out: LintResource[] = [];
  for (const gw of gatewayWorkloads(resources)) {
    const ns = gw.resource.declaredNamespace ?? 'istio-system';
    out.push(
      synthetic('Pod', `${gw.name}-declared`, ns, gw.labels, {
        containers: [{ name: 'istio-proxy', image: 'auto' }],
      }),
    );
    out.push(
      synthetic(
        'Service',
        gw.name,
        ns,
        { ...gw.labels },
        {
          type: gw.serviceType,
          selector: gw.labels,
          ports: gw.ports.map((p) => ({
            name: p.name,
            port: p.port,
            targetPort: p.targetPort,
            protocol: 'TCP',
          })),
        },
      ),
    );
  }
  for (const svc of mesh?.services ?? []) {
    const labels = { app: svc.name };
    out.push(
      synthetic('Pod', `${svc.name}-declared`, svc.namespace, labels, {
        containers: [{ name: 'istio-proxy', image: 'auto' }],
      }),
    );
    out.push(
      synthetic('Service', svc.name, svc.namespace, labels, {
        selector: labels,
        ports: svc.ports.map((p) => ({
          name: p.name,
          port: p.number,
          targetPort: p.number,
          protocol: 'TCP',
        })),
      }),
    );
  }
  for (const secret of mesh?.secrets ?? [])
    out.push(synthetic('Secret', secret.name, secret.namespace, {}, {}));
  // An External Secrets Operator ExternalSecret materializes its target Secret in the cluster.
  for (const r of resources) {
    if (r.group !== 'external-secrets.io' || r.kind !== 'ExternalSecret') continue;
    const target = asString(asJson(r.spec['target'])['name']) || r.name;
    out.push(synthetic('Secret', target, r.namespace, {}, {}));
  }
  return out;
}
