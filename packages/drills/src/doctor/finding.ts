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

/** What the OCI side reports; supplied by the caller (the SDK-backed implementation lives with the CLI). */
export interface OciHealth {
  /** Remote peering connections of every region's DRG with their `peeringStatus`. */
  remotePeerings(): Promise<
    readonly { readonly name: string; readonly region: string; readonly status: string }[]
  >;
  /** Each steering policy answer's health as its monitor sees it. */
  steering(): Promise<
    readonly { readonly policy: string; readonly answer: string; readonly healthy: boolean }[]
  >;
}
