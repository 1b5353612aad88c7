import type { Topology } from '@okemesh/topology';
import type { AlertRule } from '../../model/monitoring.js';
import { CONNECTION_POOL } from '../istio/destination-rule.js';

/** One row of the alert table: severity becomes the rule's label, the texts its annotations. */
interface AlertSpec {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: AlertRule['labels']['severity'];
  readonly summary: string;
  readonly description: string;
  /** The RUNBOOK.md section the description points to. */
  readonly runbook?: string;
}

function alertRule({ severity, summary, description, runbook, ...rule }: AlertSpec): AlertRule {
  const see = runbook === undefined ? '' : ` See RUNBOOK.md, section "${runbook}".`;
  return { ...rule, labels: { severity }, annotations: { summary, description: description + see } };
}

const DAY_S = 86_400;

/**
 * The runbook's seven alerts as working PromQL, plus mesh CA expiry. Series come from Istio's standard metrics
 * (`istio_requests_total`, `istio_request_duration_milliseconds_bucket`), istiod
 * (`istiod_managed_clusters`), Envoy upstream stats and kube-state-metrics. Every expression keeps the
 * `cluster` label, so federated series from the other clusters alert per cluster (local series have none).
 * MeshCaCertExpiring / MeshCaCertExpiryImminent read istiod's `citadel_server_cert_chain_expiry_seconds` (the
 * remaining lifetime of the plug-in CA chain from `cacerts`): once the intermediate expires, workload
 * certificates stop validating and cross-cluster mTLS fails in every region at once.
 */
export function meshAlerts(topology: Topology): AlertRule[] {
  const remotes = topology.spec.clusters.length - 1;
  const by = 'cluster, destination_cluster, destination_service';
  return [
    alertRule({
      alert: 'HighErrorRate',
      expr: `sum by (${by}) (rate(istio_requests_total{reporter="destination", response_code=~"5.."}[5m])) / sum by (${by}) (rate(istio_requests_total{reporter="destination"}[5m])) > 0.05`,
      for: '5m',
      severity: 'critical',
      summary: 'More than 5% of requests to {{ $labels.destination_service }} fail with 5xx',
      description:
        'Error rate {{ $value | humanizePercentage }} in cluster {{ $labels.destination_cluster }}. Check the service and its outlier ejections.',
      runbook: 'Verify',
    }),
    alertRule({
      alert: 'IngressGatewayDown',
      expr: 'sum by (cluster) (kube_deployment_status_replicas_available{namespace="istio-system", deployment="istio-ingressgateway"}) < 1',
      for: '1m',
      severity: 'critical',
      summary: 'No istio-ingressgateway replica is available',
      description: 'DNS steering fails traffic over to the other region; check the ingress pods.',
      runbook: 'Verify',
    }),
    alertRule({
      alert: 'IstiodDown',
      expr: 'sum by (cluster) (kube_deployment_status_replicas_available{namespace="istio-system", deployment=~"istiod(-.+)?"}) < 1',
      for: '2m',
      severity: 'critical',
      summary: 'No istiod replica is available',
      description: 'Sidecars keep their last config but receive no updates or certificates.',
      runbook: 'Install the control plane',
    }),
    alertRule({
      alert: 'HighLatency',
      expr: `histogram_quantile(0.99, sum by (${by}, le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m]))) > 1000`,
      for: '5m',
      severity: 'warning',
      summary: 'p99 latency of {{ $labels.destination_service }} is above 1000ms',
      description: 'p99 is {{ $value }}ms in cluster {{ $labels.destination_cluster }}.',
    }),
    alertRule({
      alert: 'CrossClusterConnectivityIssue',
      expr: `max by (cluster) (istiod_managed_clusters{cluster_type="remote"}) < ${remotes}`,
      for: '5m',
      severity: 'warning',
      summary: `istiod watches fewer than ${remotes} remote cluster(s)`,
      description:
        'A remote secret is missing or a remote API server is unreachable over the DRG; endpoints of that cluster are not discovered.',
      runbook: 'Link the clusters',
    }),
    alertRule({
      alert: 'CircuitBreakerTriggered',
      expr: `sum by (${by}) (rate(istio_requests_total{reporter="source", response_flags=~".*UO.*"}[5m])) > 0`,
      for: '2m',
      severity: 'warning',
      summary: 'Requests to {{ $labels.destination_service }} are rejected by the connection pool (UO)',
      description: 'The DestinationRule connection pool overflows; raise the limits or add capacity.',
    }),
    alertRule({
      alert: 'HighConnectionPoolUsage',
      expr: `max by (cluster, namespace, pod, cluster_name) (envoy_cluster_upstream_cx_active{cluster_name=~"outbound\\\\|.*"}) / ${CONNECTION_POOL.maxConnections} > 0.8`,
      for: '5m',
      severity: 'warning',
      summary: 'A connection pool is more than 80% used',
      description: `{{ $labels.pod }} uses {{ $value | humanizePercentage }} of the ${CONNECTION_POOL.maxConnections} connections allowed to {{ $labels.cluster_name }}.`,
    }),
    alertRule({
      alert: 'MeshCaCertExpiring',
      expr: `min by (cluster) (citadel_server_cert_chain_expiry_seconds) < ${30 * DAY_S}`,
      for: '10m',
      severity: 'warning',
      summary: 'The mesh CA certificate istiod signs with expires within 30 days',
      description:
        'Rotate the intermediate in istio-system/cacerts (okemesh certs rotate) before it expires; an expired CA breaks mTLS between every workload and across clusters.',
      runbook: 'Install the plug-in CA (cacerts)',
    }),
    alertRule({
      alert: 'MeshCaCertExpiryImminent',
      expr: `min by (cluster) (citadel_server_cert_chain_expiry_seconds) < ${7 * DAY_S}`,
      for: '10m',
      severity: 'critical',
      summary: 'The mesh CA certificate istiod signs with expires within 7 days',
      description:
        'Rotate istio-system/cacerts now (okemesh certs rotate): when the CA expires, new workload certificates fail validation and failover traffic between clusters stops.',
      runbook: 'Install the plug-in CA (cacerts)',
    }),
  ];
}
