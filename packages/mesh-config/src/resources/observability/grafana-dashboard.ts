import type { Topology } from '@okemesh/topology';
import type { ConfigMap } from '../../model/core.js';
import { MANAGED_BY } from '../../names.js';
import { toJson } from '../../serialize.js';
import type { MeshContext } from '../context.js';

export const DASHBOARD_FILE = 'okemesh-multicluster.json';

interface PanelSpec {
  readonly title: string;
  readonly expr: string;
  readonly legend: string;
  readonly unit: string;
}

const PANELS: readonly PanelSpec[] = [
  {
    title: 'Requests per second by cluster',
    expr: 'sum by (destination_cluster) (rate(istio_requests_total{reporter="destination"}[5m]))',
    legend: '{{destination_cluster}}',
    unit: 'reqps',
  },
  {
    title: 'Error rate by cluster and service',
    expr: 'sum by (destination_cluster, destination_service) (rate(istio_requests_total{reporter="destination", response_code=~"5.."}[5m])) / sum by (destination_cluster, destination_service) (rate(istio_requests_total{reporter="destination"}[5m]))',
    legend: '{{destination_cluster}} {{destination_service}}',
    unit: 'percentunit',
  },
  {
    title: 'Cross-cluster traffic (source → destination cluster)',
    expr: 'sum by (source_cluster, destination_cluster) (rate(istio_requests_total{reporter="source"}[5m]))',
    legend: '{{source_cluster}} → {{destination_cluster}}',
    unit: 'reqps',
  },
  {
    title: 'p99 latency by cluster',
    expr: 'histogram_quantile(0.99, sum by (destination_cluster, le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])))',
    legend: '{{destination_cluster}}',
    unit: 'ms',
  },
  {
    title: 'Circuit breaker overflows (UO)',
    expr: 'sum by (destination_service) (rate(istio_requests_total{reporter="source", response_flags=~".*UO.*"}[5m]))',
    legend: '{{destination_service}}',
    unit: 'reqps',
  },
  {
    title: 'Remote clusters watched by istiod',
    expr: 'max by (cluster) (istiod_managed_clusters{cluster_type="remote"})',
    legend: '{{cluster}}',
    unit: 'short',
  },
];

/** A Grafana dashboard (JSON model) for the multi-cluster overview; stable uid per mesh. */
export function grafanaDashboard(topology: Topology): Record<string, unknown> {
  const datasource = { type: 'prometheus', uid: '${datasource}' };
  return {
    title: `okemesh: ${topology.spec.mesh.id} multi-cluster overview`,
    uid: `okemesh-${topology.spec.mesh.id}`.slice(0, 40),
    tags: ['okemesh', 'istio', 'multicluster'],
    schemaVersion: 39,
    editable: true,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        { name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {} },
      ],
    },
    panels: PANELS.map((panel, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: panel.title,
      datasource,
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      fieldConfig: { defaults: { unit: panel.unit }, overrides: [] },
      targets: [{ refId: 'A', datasource, expr: panel.expr, legendFormat: panel.legend }],
    })),
  };
}

/** The dashboard as a ConfigMap the Grafana sidecar picks up (label `grafana_dashboard: "1"`). */
export function grafanaDashboardConfigMap(ctx: MeshContext): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'okemesh-multicluster-dashboard',
      namespace: ctx.options.monitoringNamespace,
      labels: { ...MANAGED_BY, grafana_dashboard: '1' },
    },
    data: { [DASHBOARD_FILE]: toJson(grafanaDashboard(ctx.topology)) },
  };
}
