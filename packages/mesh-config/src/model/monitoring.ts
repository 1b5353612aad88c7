import type { KubeObject } from './kube-object.js';

/** One Prometheus alerting rule as prometheus-operator and `promtool check rules` read it. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>> & { readonly severity: 'critical' | 'warning' };
  readonly annotations: Readonly<Record<string, string>>;
}

export interface RuleGroup {
  readonly name: string;
  readonly interval?: string;
  readonly rules: readonly AlertRule[];
}

/** prometheus-operator PrometheusRule (monitoring.coreos.com/v1). */
export interface PrometheusRule extends KubeObject {
  readonly apiVersion: 'monitoring.coreos.com/v1';
  readonly kind: 'PrometheusRule';
  readonly spec: { readonly groups: readonly RuleGroup[] };
}
