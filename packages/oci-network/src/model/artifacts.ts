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
  artifacts.push({ path: 'oci/README.md', content: ociReadme(topology.spec.dns !== undefined) });
  return artifacts;
}

/** What each OCI artifact is and how it is applied; above all, that the steering policy is not ready to apply by hand. */
function ociReadme(withDns: boolean): string {
  return [
    '# OCI artifacts',
    '',
    'Computed from the topology alone. `okemesh network apply` and `okemesh dns apply` create what they describe;',
    'these files are for review and for change control.',
    '',
    '- `network.json`: the DRGs, VCN attachments, remote peering, routes and ingress rules per region',
    '  (`okemesh network plan` shows the changes against the live tenancy).',
    '- `iam-policy.txt`: the statements okemesh needs; create the policy in the home region.',
    ...(withDns
      ? [
          '- `health-monitor.json`: the HTTPS monitor that probes every region.',
          '- `steering-policy.json` and `steering-policy-attachment.json`: the FAILOVER DNS steering policy.',
          '',
          `\`healthCheckMonitorId\` in \`steering-policy.json\` is the placeholder \`${MONITOR_ID_PLACEHOLDER}\`:`,
          "the monitor's OCID exists only once the monitor is created. `okemesh dns apply` creates the monitor,",
          'then the policy with the real OCID. Applying `steering-policy.json` by hand (`oci dns steering-policy',
          'create`) without replacing the placeholder fails; create the monitor first and put its OCID there.',
        ]
      : ['', 'The topology has no `spec.dns`, so there is no health monitor or steering policy.']),
    '',
  ].join('\n');
}
