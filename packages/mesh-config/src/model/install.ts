import type { KubeObject } from './kube-object.js';

/**
 * IstioOperator (install.istio.io/v1alpha1) as `istioctl install -f` reads it. Client-side only since
 * Istio 1.24: never applied with kubectl, never listed in a kustomization.
 */
/** The `k8s` settings of a component (KubernetesResources in operator/pkg/apis/types.go) okemesh sets. */
export interface IstioOperatorK8s {
  readonly replicaCount?: number;
  readonly hpaSpec?: { readonly minReplicas: number; readonly maxReplicas: number };
  readonly podDisruptionBudget?: { readonly minAvailable: number };
  readonly affinity?: Readonly<Record<string, unknown>>;
}

export interface IstioOperatorGateway {
  readonly name: string;
  readonly enabled: boolean;
  readonly label?: Readonly<Record<string, string>>;
  readonly k8s?: IstioOperatorK8s & {
    readonly env?: readonly { readonly name: string; readonly value: string }[];
    readonly serviceAnnotations?: Readonly<Record<string, string>>;
    readonly service?: {
      readonly type?: 'LoadBalancer' | 'ClusterIP' | 'NodePort';
      readonly loadBalancerSourceRanges?: readonly string[];
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
      readonly pilot?: { readonly k8s?: IstioOperatorK8s };
      readonly ingressGateways?: readonly IstioOperatorGateway[];
      readonly egressGateways?: readonly IstioOperatorGateway[];
    };
    readonly values?: {
      readonly global?: {
        readonly meshID?: string;
        readonly multiCluster?: { readonly clusterName: string };
        readonly network?: string;
      };
      readonly pilot?: {
        readonly replicaCount?: number;
        readonly autoscaleMin?: number;
        readonly autoscaleMax?: number;
      };
      readonly gateways?: Readonly<Record<string, { readonly injectionTemplate?: string }>>;
    };
  };
}
