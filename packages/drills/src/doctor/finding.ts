export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'skipped';

export type DoctorCheck =
  | 'istiod-ready'
  | 'eastwest-address'
  | 'remote-secrets'
  | 'node-region'
  | 'ingress-tls'
  | 'cacerts'
  | 'rpc-peering'
  | 'steering';

/** One result of `okemesh doctor`. */
export interface DoctorFinding {
  readonly check: DoctorCheck;
  readonly cluster: string | null;
  readonly status: DoctorStatus;
  readonly message: string;
}

/** What the OCI side reports; @okemesh/oci-network's `ociMeshHealth` is the SDK-backed implementation. */
export type { OciHealth } from '@okemesh/oci-network';
