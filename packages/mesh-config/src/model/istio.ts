import type { KubeObject } from './kube-object.js';

/**
 * Istio CRD shapes (networking.istio.io/v1, security.istio.io/v1) limited to the fields okemesh writes.
 * Hand-written so the published types need no runtime dependency; tests check every rendered object
 * against @kubernetes-models/istio and the strict CRD schemas.
 */

export type Selector = Readonly<Record<string, string>>;

export interface GatewayServer {
  readonly port: { readonly number: number; readonly name: string; readonly protocol: string };
  readonly hosts: readonly string[];
  readonly tls?: {
    readonly mode?:
      'PASSTHROUGH' | 'SIMPLE' | 'MUTUAL' | 'AUTO_PASSTHROUGH' | 'ISTIO_MUTUAL' | 'OPTIONAL_MUTUAL';
    readonly httpsRedirect?: boolean;
    readonly credentialName?: string;
    readonly minProtocolVersion?: 'TLS_AUTO' | 'TLSV1_0' | 'TLSV1_1' | 'TLSV1_2' | 'TLSV1_3';
  };
}

export interface Gateway extends KubeObject {
  readonly apiVersion: 'networking.istio.io/v1';
  readonly kind: 'Gateway';
  readonly spec: { readonly selector: Selector; readonly servers: readonly GatewayServer[] };
}

export interface OutlierDetection {
  readonly consecutive5xxErrors?: number;
  readonly consecutiveGatewayErrors?: number;
  readonly interval?: string;
  readonly baseEjectionTime?: string;
  readonly maxEjectionPercent?: number;
  readonly minHealthPercent?: number;
}

export interface LocalityLbSetting {
  readonly enabled?: boolean;
  readonly distribute?: readonly { readonly from: string; readonly to: Readonly<Record<string, number>> }[];
  readonly failover?: readonly { readonly from: string; readonly to: string }[];
  readonly failoverPriority?: readonly string[];
}

export interface TrafficPolicy {
  readonly connectionPool?: {
    readonly tcp?: {
      readonly maxConnections?: number;
      readonly connectTimeout?: string;
      readonly tcpKeepalive?: {
        readonly time?: string;
        readonly interval?: string;
        readonly probes?: number;
      };
    };
    readonly http?: {
      readonly http1MaxPendingRequests?: number;
      readonly http2MaxRequests?: number;
      readonly maxRequestsPerConnection?: number;
      readonly maxRetries?: number;
      readonly idleTimeout?: string;
    };
  };
  readonly loadBalancer?: {
    readonly simple?: 'UNSPECIFIED' | 'RANDOM' | 'PASSTHROUGH' | 'ROUND_ROBIN' | 'LEAST_REQUEST';
    readonly localityLbSetting?: LocalityLbSetting;
  };
  readonly outlierDetection?: OutlierDetection;
  readonly tls?: { readonly mode: 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL' };
}

export interface DestinationRule extends KubeObject {
  readonly apiVersion: 'networking.istio.io/v1';
  readonly kind: 'DestinationRule';
  readonly spec: {
    readonly host: string;
    readonly trafficPolicy?: TrafficPolicy;
    readonly exportTo?: readonly string[];
  };
}

export interface HttpRoute {
  readonly name?: string;
  readonly match?: readonly {
    readonly uri?: { readonly prefix?: string; readonly exact?: string };
    readonly port?: number;
  }[];
  readonly route: readonly {
    readonly destination: { readonly host: string; readonly port?: { readonly number: number } };
    readonly weight?: number;
  }[];
  readonly timeout?: string;
  readonly retries?: {
    readonly attempts: number;
    readonly perTryTimeout?: string;
    readonly retryOn?: string;
    readonly retryRemoteLocalities?: boolean;
  };
}

export interface VirtualService extends KubeObject {
  readonly apiVersion: 'networking.istio.io/v1';
  readonly kind: 'VirtualService';
  readonly spec: {
    readonly hosts: readonly string[];
    readonly gateways?: readonly string[];
    readonly http: readonly HttpRoute[];
    readonly exportTo?: readonly string[];
  };
}

export interface PeerAuthentication extends KubeObject {
  readonly apiVersion: 'security.istio.io/v1';
  readonly kind: 'PeerAuthentication';
  readonly spec: { readonly mtls: { readonly mode: 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT' } };
}

export interface AuthorizationRule {
  readonly from?: readonly { readonly source: { readonly principals?: readonly string[] } }[];
  readonly to?: readonly {
    readonly operation: { readonly ports?: readonly string[]; readonly methods?: readonly string[] };
  }[];
}

export interface AuthorizationPolicy extends KubeObject {
  readonly apiVersion: 'security.istio.io/v1';
  readonly kind: 'AuthorizationPolicy';
  readonly spec: {
    readonly selector?: { readonly matchLabels: Selector };
    readonly action?: 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
    readonly rules?: readonly AuthorizationRule[];
  };
}

export type IstioObject =
  Gateway | DestinationRule | VirtualService | PeerAuthentication | AuthorizationPolicy;
