import type { Topology } from '@okemesh/topology';
import { table, document } from './markdown.js';

/** README.md of the bundle: what each file is and which tool applies it. */
export function installNotes(topology: Topology): string {
  const rows: string[][] = [
    [
      '`clusters/<cluster>/kustomization.yaml` and the manifests it lists',
      '`kubectl apply -k clusters/<cluster>` or Argo CD',
      'Namespaces, reader token, gateways, DestinationRules, VirtualServices, PeerAuthentication, AuthorizationPolicies, PrometheusRule, federation Secret, dashboard',
    ],
    [
      '`clusters/<cluster>/install/*.istio-operator.yaml`',
      '`istioctl install -f` (never kubectl)',
      'Control plane + ingress gateway; east-west gateway',
    ],
    [
      '`clusters/<cluster>/install/helm/*.values.yaml`',
      '`helm upgrade --install -f` with the `istio/base`, `istio/istiod`, `istio/gateway` charts',
      'The same install as the IstioOperator files (pick one way)',
    ],
    [
      '`global/kustomization.yaml`',
      '`kubectl apply -k global` on the Argo CD cluster',
      'ApplicationSet: one Application per cluster',
    ],
    [
      '`global/okemesh-multicluster.json`',
      'Grafana import (also shipped as a ConfigMap per cluster)',
      'Multi-cluster overview dashboard',
    ],
    ['`RUNBOOK.md`', 'you', 'Ordered steps with the exact commands'],
  ];
  return document([
    `# okemesh bundle: ${topology.metadata.name}`,
    'Rendered by `okemesh render` from the topology; every file is regenerated on each render, so change ' +
      '`mesh.yaml` rather than these files. Follow RUNBOOK.md for the order.',
    table(['Files', 'Applied with', 'Contents'], rows),
    '## Why the east-west gateway uses a private Network Load Balancer',
    'Cross-cluster traffic reaches the east-west gateway only over the DRG / remote peering, on private IPs, so ' +
      'its Service asks OKE for an internal OCI Network Load Balancer (`oci.oraclecloud.com/load-balancer-type: nlb`, ' +
      '`oci-network-load-balancer.oraclecloud.com/internal: "true"`). A layer-4 pass-through keeps the mTLS stream on ' +
      '15443 intact (AUTO_PASSTHROUGH routes on SNI and the caller identity reaches the destination) and needs no ' +
      'bandwidth shape. The ingress gateway is the public entry and uses a flexible OCI Load Balancer.',
  ]);
}
