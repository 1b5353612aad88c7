import type { Secret } from '../../model/core.js';
import { MANAGED_BY } from '../../names.js';
import { toYaml } from '../../serialize.js';
import type { ClusterContext } from '../context.js';

/** The series every cluster pulls from the others: what the alerts and the dashboard need. */
const FEDERATED_SERIES = [
  '{__name__=~"istio_requests_total|istio_request_duration_milliseconds_bucket|istiod_managed_clusters"}',
  '{__name__="kube_deployment_status_replicas_available", namespace="istio-system"}',
  '{__name__="envoy_cluster_upstream_cx_active"}',
];

export const FEDERATION_SECRET = 'okemesh-federation-scrape-configs';
export const FEDERATION_KEY = 'federation.yaml';

/** Prometheus `scrape_configs` entries: one `/federate` job per other cluster, labelled with its name and region. */
export function federationScrapeConfigs(ctx: ClusterContext): unknown[] {
  return ctx.topology.spec.clusters
    .filter((other) => other.name !== ctx.cluster.name)
    .map((other) => ({
      job_name: `okemesh-federate-${other.name}`,
      honor_labels: true,
      metrics_path: '/federate',
      params: { 'match[]': FEDERATED_SERIES },
      scrape_interval: '30s',
      static_configs: [
        {
          targets: [ctx.options.federationTargets[other.name] ?? `prometheus.${other.name}:9090`],
          labels: { cluster: other.name, region: other.region },
        },
      ],
    }));
}

/**
 * Every cluster federates every other one, so each region keeps the whole cross-cluster view (and its
 * alerts) when another region is down. Delivered as a prometheus-operator `additionalScrapeConfigs`
 * Secret; point `Prometheus.spec.additionalScrapeConfigs` at key `federation.yaml` of this Secret.
 */
export function federationSecret(ctx: ClusterContext): Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: FEDERATION_SECRET,
      namespace: ctx.options.monitoringNamespace,
      labels: { ...MANAGED_BY },
    },
    stringData: { [FEDERATION_KEY]: toYaml(federationScrapeConfigs(ctx)) },
  };
}
