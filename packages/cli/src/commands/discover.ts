import type { DiscoveredCluster, DiscoveryFinding } from '@okemesh/oci-network';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';
import { connect, ociOptions, runOci, type OciFlags } from './network-oci.js';

export interface DiscoveryResult {
  readonly cluster: string;
  readonly discovered?: DiscoveredCluster;
  readonly findings: readonly DiscoveryFinding[];
}

export function printDiscovery(io: Io, results: readonly DiscoveryResult[]): void {
  for (const r of results) {
    const d = r.discovered;
    io.stdout(`${paint(io, 'bold', r.cluster)}\n`);
    if (d) {
      io.stdout(
        [
          `  cluster    ${d.clusterId} (${d.lifecycleState}, Kubernetes ${d.kubernetesVersion ?? '?'})`,
          `  region     ${d.region}`,
          `  cni        ${d.cniTypes.join(', ')}`,
          `  vcn        ${d.vcnId} ${d.vcnCidrs.join(', ')}`,
          `  pods       ${d.podsCidr ?? '-'}   services ${d.servicesCidr ?? '-'}`,
          ...Object.entries(d.endpoints).map(([k, v]) => `  endpoint   ${k} ${v}`),
        ].join('\n') + '\n',
      );
    }
    for (const f of r.findings)
      io.stdout(
        `  ${paint(io, f.severity === 'error' ? 'red' : 'yellow', f.severity)} ${f.field}: ${f.message}\n`,
      );
  }
}

/** Reads every cluster of the topology that has an OCID from OKE and checks it against the topology. */
export async function discoverClusters(io: Io, flags: OciFlags): Promise<DiscoveryResult[]> {
  const { topology } = await readTopology(io, flags.file);
  const { clients } = await connect(io, flags);
  const oci = await import('@okemesh/oci-network');
  const results = await runOci(
    () =>
      Promise.all(
        topology.spec.clusters.map(async (cluster): Promise<DiscoveryResult> => {
          if (!cluster.ocid) {
            return {
              cluster: cluster.name,
              findings: [
                {
                  severity: 'warning',
                  cluster: cluster.name,
                  field: 'ocid',
                  message: 'no cluster OCID in the topology: nothing to discover',
                },
              ],
            };
          }
          const discovered = await oci.discoverCluster(clients.for(cluster.region), cluster.ocid);
          return {
            cluster: cluster.name,
            discovered,
            findings: oci.checkDiscoveredCluster(cluster, discovered),
          };
        }),
      ),
    clients,
  );
  return results;
}

export function discoveryFailed(results: readonly DiscoveryResult[]): boolean {
  return results.some((r) => r.findings.some((f) => f.severity === 'error'));
}

async function discover(io: Io, flags: OciFlags): Promise<number> {
  const results = await discoverClusters(io, flags);
  const failed = discoveryFailed(results);
  if (flags.json) printJson(io, { ok: !failed, clusters: results });
  else printDiscovery(io, results);
  return failed ? ExitCode.Findings : ExitCode.Ok;
}

export const registerDiscover: CommandGroup = (program, { io, setExitCode }) => {
  const command = program
    .command('discover')
    .description(
      'read each OKE cluster (CNI, VCN, CIDRs, endpoints) and check it against the topology; refuses FLANNEL_OVERLAY',
    )
    .addOption(fileOption())
    .addOption(jsonOption());
  for (const option of ociOptions()) command.addOption(option);
  command.action(async (flags: OciFlags) => {
    setExitCode(await discover(io, flags));
  });
};
