import { Option } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { paint, printJson, type Io } from '../io.js';
import { fileOption, jsonOption, type CommandGroup } from '../program.js';
import { readTopology } from '../topology-input.js';
import { UsageError } from '../errors.js';
import { confirm, connect, ociOptions, printPlan, runOci, yesOption, type OciFlags } from './network-oci.js';

interface IamFlags extends OciFlags {
  readonly group?: string;
  readonly identityDomain?: string;
  readonly apply?: boolean;
  readonly tenancy?: string;
  readonly policyCompartment?: string;
}

async function iamPolicies(io: Io, flags: IamFlags): Promise<number> {
  const { topology } = await readTopology(io, flags.file);
  const plan = await import('@okemesh/oci-network/plan');
  const options = {
    ...(flags.group ? { group: flags.group } : {}),
    ...(flags.identityDomain ? { identityDomain: flags.identityDomain } : {}),
  };
  const statements = plan.iamStatements(topology, options);
  if (!flags.apply) {
    if (flags.json) printJson(io, { name: plan.iamPolicyName(topology), statements });
    else
      io.stdout(
        `# OCI IAM policy ${plan.iamPolicyName(topology)} (create it in the home region)\n${statements.map((s) => `${paint(io, 'dim', `# ${s.why}`)}\n${s.statement}`).join('\n')}\n`,
      );
    return ExitCode.Ok;
  }
  const { clients, tenancyId: fromIdentity } = await connect(io, flags);
  const tenancyId = flags.tenancy ?? fromIdentity;
  if (!tenancyId)
    throw new UsageError('the tenancy OCID is not known for this auth method: pass --tenancy <ocid>');
  const oci = await import('@okemesh/oci-network');
  const base = {
    ...options,
    tenancyId,
    ...(flags.policyCompartment ? { policyCompartmentId: flags.policyCompartment } : {}),
  };
  const result = await runOci(async () => {
    const preview = await oci.convergeIam(topology, clients, false, base);
    if (!oci.hasChanges(preview)) return { plan: preview, applied: false };
    if (!flags.json) await printPlan(io, flags, preview);
    await confirm(flags, 'Write this IAM policy in the home region');
    return { plan: await oci.convergeIam(topology, clients, true, base), applied: true };
  }, clients);
  if (flags.json) await printPlan(io, flags, result.plan, { applied: result.applied });
  else
    io.stdout(
      result.applied
        ? `${paint(io, 'green', '✔')} IAM policy written in ${result.plan.changes[0]?.region ?? 'the home region'}\n`
        : 'Nothing to do: the IAM policy matches.\n',
    );
  return ExitCode.Ok;
}

export const registerIam: CommandGroup = (program, { io, setExitCode }) => {
  const iam = program.command('iam').description('OCI IAM policy statements the okemesh setup needs');
  const policies = iam
    .command('policies')
    .description('print the policy statements; with --apply, create or update the policy in the home region')
    .addOption(fileOption())
    .addOption(jsonOption())
    .addOption(new Option('--group <name>', 'IAM group that runs okemesh').default('okemesh-operators'))
    .addOption(
      new Option(
        '--identity-domain <name>',
        "identity domain of the group (statements then say group '<domain>'/'<group>')",
      ),
    )
    .addOption(new Option('--apply', 'write the policy through the IAM API (home region)'))
    .addOption(new Option('--tenancy <ocid>', 'tenancy OCID (default: from the OCI config profile)'))
    .addOption(
      new Option(
        '--policy-compartment <ocid>',
        "compartment that holds the policy (default: the clusters' compartment)",
      ),
    )
    .addOption(yesOption());
  for (const option of ociOptions()) policies.addOption(option);
  policies.action(async (flags: IamFlags) => {
    setExitCode(await iamPolicies(io, flags));
  });
};
