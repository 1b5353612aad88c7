import type { PeerAuthentication } from '../../model/istio.js';
import { ISTIO_NAMESPACE, MANAGED_BY } from '../../names.js';

/** Mesh-wide STRICT mTLS: selector-less, in the root namespace. Cross-network routing needs mTLS anyway. */
export function meshPeerAuthentication(): PeerAuthentication {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name: 'default', namespace: ISTIO_NAMESPACE, labels: { ...MANAGED_BY } },
    spec: { mtls: { mode: 'STRICT' } },
  };
}
