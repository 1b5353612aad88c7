import type { DoctorFinding, KubeApi, OciHealth } from '@okemesh/drills';
import type { AuthMethod } from '@okemesh/oci-network';
import type { Topology } from '@okemesh/topology';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';
import { ociAuthOptions, ociProvider } from './network-oci.js';

interface DoctorOptions {
  readonly file?: string;
  readonly kubeconfig?: string;
  readonly json?: boolean;
  readonly oci?: boolean;
  readonly ociProfile?: string;
  readonly auth?: AuthMethod;
  readonly configFile?: string;
}

const MARK = {
  ok: ['green', '✔'],
  warn: ['yellow', '!'],
  fail: ['red', '✘'],
  skipped: ['dim', '-'],
} as const;

function line(io: Io, f: DoctorFinding): string {
  const [colour, mark] = MARK[f.status];
  return `${paint(io, colour, mark)} ${f.check.padEnd(16)} ${(f.cluster ?? 'mesh').padEnd(20)} ${f.message}`;
}

async function ociHealth(io: Io, topology: Topology, options: DoctorOptions): Promise<OciHealth> {
  const drills = await import('@okemesh/drills');
  const provider = await ociProvider(io, options);
  const endpoint = io.env.OKEMESH_OCI_ENDPOINT;
  return drills.ociMeshHealth({
    topology,
    provider,
    ...(endpoint ? { endpointFor: (region: string) => endpoint.replace('{region}', region) } : {}),
  });
}

/** Checks a live mesh cluster by cluster; exit 1 when any check fails. */
export async function doctor(io: Io, options: DoctorOptions): Promise<number> {
  const { topology } = await readTopology(io, options.file);
  const drills = await import('@okemesh/drills');
  const apis = new Map<string, KubeApi>();
  for (const cluster of topology.spec.clusters) {
    try {
      const one = await drills.kubeApisFromContexts(
        [{ cluster: cluster.name, context: cluster.kubeContext }],
        options.kubeconfig,
      );
      for (const [name, api] of one) apis.set(name, api);
    } catch {
      // A context missing from the kubeconfig is reported by the doctor as a failed check.
    }
  }
  const oci =
    options.oci || options.ociProfile || options.auth ? await ociHealth(io, topology, options) : undefined;
  const findings = await drills.runDoctor({ topology, apis, ...(oci ? { oci } : {}) });
  const failed = findings.filter((f) => f.status === 'fail').length;
  if (options.json) printJson(io, { healthy: failed === 0, findings });
  else
    io.stdout(
      `${findings.map((f) => line(io, f)).join('\n')}\n${failed === 0 ? paint(io, 'green', 'mesh healthy') : paint(io, 'red', `${failed} check(s) failed`)}\n`,
    );
  return failed === 0 ? ExitCode.Ok : ExitCode.Findings;
}

export const registerDoctor: CommandGroup = (program, { io, setExitCode }) => {
  const command = program
    .command('doctor')
    .description(
      'check a live mesh: istiod, east-west gateway address, remote secrets, shared root CA, peering, steering',
    )
    .addOption(fileOption())
    .option(
      '--kubeconfig <path>',
      'kubeconfig with the topology contexts (default: $KUBECONFIG or ~/.kube/config)',
    )
    .option('--oci', 'also check RPC peering and DNS steering through the OCI API (~/.oci/config)')
    .option('--oci-profile <name>', 'OCI config profile (implies --oci)');
  for (const option of ociAuthOptions()) command.addOption(option);
  command.addOption(jsonOption()).action(async (options: DoctorOptions) => {
    setExitCode(await doctor(io, options));
  });
};
