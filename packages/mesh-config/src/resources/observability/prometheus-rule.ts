import type { PrometheusRule } from '../../model/monitoring.js';
import { MANAGED_BY } from '../../names.js';
import type { MeshContext } from '../context.js';
import { meshAlerts } from './alerts.js';

/** The alerts as a prometheus-operator PrometheusRule in the monitoring namespace. */
export function prometheusRule(ctx: MeshContext): PrometheusRule {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name: 'okemesh-multicluster',
      namespace: ctx.options.monitoringNamespace,
      labels: { ...MANAGED_BY },
    },
    spec: { groups: [{ name: `okemesh.${ctx.topology.spec.mesh.id}`, rules: meshAlerts(ctx.topology) }] },
  };
}
