import type { Analyzer } from './context.js';
import { cacertsRule } from './okemesh/rules/cacerts.js';
import { clusterIdentityRule } from './okemesh/rules/cluster-identity.js';
import { driftRule } from './okemesh/rules/drift.js';
import { eastWestGatewayRule } from './okemesh/rules/east-west-gateway.js';
import { istioOperatorApplyRule } from './okemesh/rules/istio-operator-apply.js';
import { networkLabelRule } from './okemesh/rules/network-label.js';
import { principalsRule } from './okemesh/rules/principals.js';
import { remoteSecretRule } from './okemesh/rules/remote-secret.js';
import { trafficRule } from './okemesh/rules/traffic.js';

/** okemesh's own multicluster rules run per cluster (OKM codes). */
export const okemeshRules: readonly Analyzer[] = [
  clusterIdentityRule,
  eastWestGatewayRule,
  remoteSecretRule,
  cacertsRule,
  trafficRule,
  principalsRule,
  istioOperatorApplyRule,
  networkLabelRule,
];

/** okemesh rules that compare clusters. */
export const crossClusterRules: readonly Analyzer[] = [driftRule];
