import { asArray, asJson, asString, stringMap, type Json, type LintResource } from '../resource.js';

/** Where a cluster's control-plane identity comes from: an IstioOperator or Helm values for istiod. */
export interface ControlPlaneConfig {
  readonly resource: LintResource;
  /** Path prefix of `values` (IstioOperator: spec.values; Helm: the document root). */
  readonly valuesPath: readonly string[];
  readonly meshConfigPath: readonly string[];
  readonly values: Json;
  readonly meshConfig: Json;
  readonly profile: string;
}

export const isHelmValues = (r: LintResource): boolean => r.kind === 'HelmValues';

/** Helm values for the istiod chart: named *istiod* or setting identity/meshConfig (not base or gateway values). */
function isIstiodValues(r: LintResource): boolean {
  if (r.object['networkGateway'] !== undefined || r.object['service'] !== undefined) return false;
  const global = asJson(r.object['global']);
  return (
    /istiod/.test(r.name) ||
    r.object['meshConfig'] !== undefined ||
    r.object['pilot'] !== undefined ||
    ['meshID', 'multiCluster', 'network'].some((k) => global[k] !== undefined)
  );
}

/** IstioOperators and Helm values that configure istiod (not a gateway-only `profile: empty` IstioOperator). */
export function controlPlanes(resources: readonly LintResource[]): ControlPlaneConfig[] {
  const out: ControlPlaneConfig[] = [];
  for (const r of resources) {
    if (r.kind === 'IstioOperator') {
      const profile = asString(r.spec['profile']) || 'default';
      out.push({
        resource: r,
        valuesPath: ['spec', 'values'],
        meshConfigPath: ['spec', 'meshConfig'],
        values: asJson(r.spec['values']),
        meshConfig: asJson(r.spec['meshConfig']),
        profile,
      });
    } else if (isHelmValues(r) && isIstiodValues(r)) {
      out.push({
        resource: r,
        valuesPath: [],
        meshConfigPath: ['meshConfig'],
        values: r.object,
        meshConfig: asJson(r.object['meshConfig']),
        profile: 'helm',
      });
    }
  }
  return out;
}

export interface GatewayWorkload {
  readonly resource: LintResource;
  readonly path: readonly (string | number)[];
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly ports: readonly { name: string; port: number; targetPort: number }[];
  readonly serviceType: string;
  readonly env: Record<string, string>;
  readonly egress: boolean;
}

const defaultPorts = {
  ingress: [
    { name: 'status-port', port: 15021, targetPort: 15021 },
    { name: 'http2', port: 80, targetPort: 8080 },
    { name: 'https', port: 443, targetPort: 8443 },
  ],
  egress: [
    { name: 'http2', port: 80, targetPort: 8080 },
    { name: 'https', port: 443, targetPort: 8443 },
  ],
  network: [
    { name: 'status-port', port: 15021, targetPort: 15021 },
    { name: 'tls', port: 15443, targetPort: 15443 },
    { name: 'tls-istiod', port: 15012, targetPort: 15012 },
    { name: 'tls-webhook', port: 15017, targetPort: 15017 },
  ],
};

function portsOf(value: unknown): { name: string; port: number; targetPort: number }[] {
  return asArray(value).map((p) => {
    const port = asJson(p);
    return {
      name: asString(port['name']),
      port: Number(port['port'] ?? 0),
      targetPort: Number(port['targetPort'] ?? port['port'] ?? 0),
    };
  });
}

const shortName = (name: string): string => name.replace(/^istio-/, '');

/** Gateway deployments an IstioOperator or istio/gateway Helm values declare (what Gateway selectors can match). */
export function gatewayWorkloads(resources: readonly LintResource[]): GatewayWorkload[] {
  const out: GatewayWorkload[] = [];
  for (const r of resources) {
    if (r.kind === 'IstioOperator') {
      const components = asJson(r.spec['components']);
      for (const [field, egress] of [
        ['ingressGateways', false],
        ['egressGateways', true],
      ] as const) {
        asArray(components[field]).forEach((g, i) => {
          const gw = asJson(g);
          if (gw['enabled'] === false) return;
          const name = asString(gw['name']) || (egress ? 'istio-egressgateway' : 'istio-ingressgateway');
          const k8s = asJson(gw['k8s']);
          const service = asJson(k8s['service']);
          const env = Object.fromEntries(
            asArray(k8s['env']).map((e) => [asString(asJson(e)['name']), asString(asJson(e)['value'])]),
          );
          out.push({
            resource: r,
            path: ['spec', 'components', field, i],
            name,
            labels: gw['label'] ? stringMap(gw['label']) : { app: name, istio: shortName(name) },
            ports: service['ports']
              ? portsOf(service['ports'])
              : egress
                ? defaultPorts.egress
                : defaultPorts.ingress,
            serviceType: asString(service['type']) || (egress ? 'ClusterIP' : 'LoadBalancer'),
            env,
            egress,
          });
        });
      }
    } else if (
      isHelmValues(r) &&
      (r.object['networkGateway'] !== undefined || r.object['service'] !== undefined)
    ) {
      const name = asString(r.object['name']) || 'istio-ingressgateway';
      const network = asString(r.object['networkGateway']);
      const service = asJson(r.object['service']);
      const labels: Record<string, string> = {
        app: name,
        istio: shortName(name),
        ...stringMap(r.object['labels']),
      };
      if (network) labels['topology.istio.io/network'] = network;
      out.push({
        resource: r,
        path: [],
        name,
        labels,
        ports: network
          ? defaultPorts.network
          : service['ports']
            ? portsOf(service['ports'])
            : defaultPorts.ingress,
        serviceType: asString(service['type']) || 'LoadBalancer',
        env: network ? { ISTIO_META_REQUESTED_NETWORK_VIEW: network } : {},
        egress: false,
      });
    }
  }
  return out;
}
