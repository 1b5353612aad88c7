import type { Topology } from '@okemesh/topology';
import { desiredNetwork, type IngressMode } from './desired-network.js';
import { regionEndpoints } from './dns-endpoints.js';
import { httpMonitorSpec } from './health-monitor.js';
import { iamPolicyName, iamStatements, type IamOptions } from './iam-statements.js';
import { ISTIO_CROSS_REGION_PORTS, ISTIO_PORTS_NOT_OPENED } from './istio-ports.js';
import { failoverSteeringPolicy } from './steering-policy.js';
import { assertValidSteeringPolicy } from './steering-policy-check.js';

export interface OciArtifact {
  /** Relative to the bundle's global directory, always under `oci/`. */
  readonly path: string;
  readonly content: string;
}

export interface OciArtifactOptions {
  readonly ingressMode?: IngressMode;
  /** Region → public ingress IP or hostname (default `<region>.<dns.domain>`). */
  readonly ingressAddresses?: Readonly<Record<string, string>>;
  readonly iam?: IamOptions;
}

/** Stands in for the monitor OCID, which exists only after `okemesh dns apply` creates the monitor. */
export const MONITOR_ID_PLACEHOLDER = 'ocid1.healthcheckhttpmonitor.oc1..set-by-okemesh-dns-apply';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The OCI side of a render bundle, computed from the topology alone (no API calls, no SDK import):
 * the desired network per region, the health monitor, the FAILOVER steering policy (validated), and the IAM policy.
 */
export function ociArtifacts(topology: Topology, options: OciArtifactOptions = {}): OciArtifact[] {
  const network = desiredNetwork(topology, options.ingressMode);
  const iam = iamStatements(topology, options.iam);
  const artifacts: OciArtifact[] = [
    {
      path: 'oci/network.json',
      content: json({
        mesh: network.mesh,
        ingressMode: network.ingressMode,
        ports: { opened: ISTIO_CROSS_REGION_PORTS, notOpened: ISTIO_PORTS_NOT_OPENED },
        regions: network.regions,
      }),
    },
    {
      path: 'oci/iam-policy.txt',
      content: `# OCI IAM policy ${iamPolicyName(topology)} (create in the home region)\n${iam.map((s) => `# ${s.why}\n${s.statement}`).join('\n')}\n`,
    },
  ];
  if (topology.spec.dns) {
    const endpoints = regionEndpoints(topology, options.ingressAddresses);
    const monitor = httpMonitorSpec(topology, endpoints);
    const policy = failoverSteeringPolicy(topology, endpoints, MONITOR_ID_PLACEHOLDER);
    assertValidSteeringPolicy(policy, monitor.targets);
    artifacts.push(
      { path: 'oci/health-monitor.json', content: json(monitor) },
      { path: 'oci/steering-policy.json', content: json(policy) },
      {
        path: 'oci/steering-policy-attachment.json',
        content: json({
          zone: topology.spec.dns.zone,
          domainName: topology.spec.dns.domain,
          displayName: policy.displayName,
        }),
      },
    );
  }
  return artifacts;
}
