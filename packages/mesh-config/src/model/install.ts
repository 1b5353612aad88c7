import type { KubeObject } from './kube-object.js';

/**
 * IstioOperator (install.istio.io/v1alpha1) as `istioctl install -f` reads it. Client-side only since
 * Istio 1.24: never applied with kubectl, never listed in a kustomization.
 */
export interface IstioOperatorGateway {
  readonly name: string;
  readonly enabled: boolean;
  readonly label?: Readonly<Record<string, string>>;
  readonly k8s?: {
    readonly env?: readonly { readonly name: string; readonly value: string }[];
    readonly serviceAnnotations?: Readonly<Record<string, string>>;
    readonly service?: {
      readonly type?: 'LoadBalancer' | 'ClusterIP' | 'NodePort';
      readonly ports: readonly {
        readonly name: string;
        readonly port: number;
        readonly targetPort: number;
      }[];
    };
  };
}

export interface IstioOperator extends KubeObject {
  readonly apiVersion: 'install.istio.io/v1alpha1';
  readonly kind: 'IstioOperator';
  readonly spec: {
    readonly profile?: string;
    readonly revision?: string;
    readonly tag?: string;
    readonly meshConfig?: {
      readonly trustDomain?: string;
      readonly defaultConfig?: Readonly<Record<string, unknown>>;
    };
    readonly components?: {
      readonly ingressGateways?: readonly IstioOperatorGateway[];
      readonly egressGateways?: readonly IstioOperatorGateway[];
    };
    readonly values?: {
      readonly global?: {
        readonly meshID?: string;
        readonly multiCluster?: { readonly clusterName: string };
        readonly network?: string;
      };
      readonly gateways?: Readonly<Record<string, { readonly injectionTemplate?: string }>>;
    };
  };
}
