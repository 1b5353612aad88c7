import type { Secret, ServiceAccount } from '../../model/core.js';
import {
  ARGO_KEEP,
  ISTIO_NAMESPACE,
  MANAGED_BY,
  READER_SERVICE_ACCOUNT,
  READER_TOKEN_SECRET,
} from '../../names.js';

/**
 * The reader ServiceAccount other clusters' istiods authenticate as. Istio's `base` chart and `istioctl
 * install` own it, so the bundle never declares it (two owners fight over labels and prune it on
 * uninstall); `okemesh mesh link` creates it only when it is missing on a live cluster.
 */
export function readerServiceAccount(): ServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: READER_SERVICE_ACCOUNT, namespace: ISTIO_NAMESPACE, labels: { ...MANAGED_BY } },
  };
}

/**
 * A long-lived token Secret for the reader account, named as `istioctl create-remote-secret` names it; the
 * only reader object in the bundle (the account itself comes with the Istio install).
 * Kubernetes ≥ 1.24 no longer creates these automatically; the token controller fills in `token` and
 * `ca.crt`, which `okemesh mesh link` reads to build each remote secret. Argo CD keeps it (ARGO_KEEP):
 * deleting it revokes the token every peer's remote secret carries.
 */
export function readerTokenSecret(): Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/service-account-token',
    metadata: {
      name: READER_TOKEN_SECRET,
      namespace: ISTIO_NAMESPACE,
      labels: { ...MANAGED_BY },
      annotations: { 'kubernetes.io/service-account.name': READER_SERVICE_ACCOUNT, ...ARGO_KEEP },
    },
  };
}
