import type { Namespace } from '../../model/core.js';
import { ARGO_KEEP, ISTIO_NAMESPACE, MANAGED_BY, NETWORK_LABEL, REVISION_TAG } from '../../names.js';
import type { ClusterContext, MeshContext } from '../context.js';

/**
 * `istio-system`, labelled with the cluster's network before Istio is installed: istioctl labels it only
 * when it creates the namespace itself, Helm never does, and istiod classifies gateways and uninjected
 * pods by this label.
 */
export function istioSystemNamespace(ctx: ClusterContext): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ISTIO_NAMESPACE,
      labels: { ...MANAGED_BY, [NETWORK_LABEL]: ctx.cluster.network },
      annotations: { ...ARGO_KEEP },
    },
  };
}

/** Namespaces carry ARGO_KEEP: Argo CD never prunes or deletes them (that would cascade to their workloads). */

/**
 * An application namespace with sidecar injection on. A revisioned control plane is selected through the
 * `prod-stable` revision tag, never the revision itself, so an upgrade moves one tag, not every namespace.
 */
export function workloadNamespace(ctx: MeshContext, name: string): Namespace {
  const revision = ctx.topology.spec.mesh.istio.revision;
  const injection: Record<string, string> =
    revision === undefined ? { 'istio-injection': 'enabled' } : { 'istio.io/rev': REVISION_TAG };
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...MANAGED_BY, ...injection }, annotations: { ...ARGO_KEEP } },
  };
}

/** The monitoring namespace that holds the PrometheusRule, federation config and dashboard. */
export function monitoringNamespace(ctx: MeshContext): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ctx.options.monitoringNamespace,
      labels: { ...MANAGED_BY },
      annotations: { ...ARGO_KEEP },
    },
  };
}
