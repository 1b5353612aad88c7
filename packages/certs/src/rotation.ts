import { X509Certificate as NodeCertificate } from 'node:crypto';
import { join } from 'node:path';
import { CertsError } from './errors.js';
import {
  initRoot,
  issueIntermediates,
  loadSigningRoot,
  type IssuedSummary,
  type IssueOptions,
} from './mesh-ca.js';
import { joinPem } from './pem.js';
import { readRotation, writeRotation, type RotationPhase } from './rotation-state.js';
import {
  CERT_MODE,
  listClusters,
  promoteNextRoot,
  readBundleFiles,
  readRoot,
  writeStoreFile,
} from './store.js';

export interface RotationStep {
  readonly step: number;
  /** `local` steps change the store; `cluster` steps are done against every cluster. */
  readonly where: 'local' | 'cluster';
  readonly title: string;
  readonly commands: readonly string[];
  readonly status: 'done' | 'next' | 'pending';
}

const stepsDone: Record<RotationPhase, number> = { none: 0, trust: 1, cutover: 3 };

/**
 * The staged root rotation, in order. root-cert.pem carries the old and the new root from step 1 until step 5,
 * so at every moment each workload trusts the root of every certificate it can be shown.
 */
export function rootRotationPlan(
  phase: RotationPhase,
  clusters: readonly { name: string; context: string }[],
  dir: string,
): RotationStep[] {
  const install = clusters.map(
    (c) => `okemesh certs install --dir ${dir} --cluster ${c.name} --context ${c.context}`,
  );
  const restart = clusters.map(
    // By label, not by name: with a revision the Deployment is istiod-<revision>, and canaries run several.
    (c) => `kubectl --context ${c.context} -n istio-system rollout restart deployment -l app=istiod`,
  );
  const workloads = clusters.map(
    (c) => `kubectl --context ${c.context} rollout restart deployment -n <each meshed namespace>`,
  );
  const raw: Omit<RotationStep, 'step' | 'status'>[] = [
    {
      where: 'local',
      title: 'Create the new root; every bundle now trusts old + new roots (intermediates unchanged)',
      commands: [`okemesh certs rotate root --start --dir ${dir}`],
    },
    {
      where: 'cluster',
      title:
        'Install the two-root bundles, restart istiod, then wait until every workload has the new trust bundle (restart workloads, or wait one workload-certificate lifetime, 24 h by default)',
      commands: [...install, ...restart],
    },
    {
      where: 'local',
      title: 'Issue new intermediates signed by the new root; root-cert.pem still carries both roots',
      commands: [`okemesh certs rotate root --continue --dir ${dir}`],
    },
    {
      where: 'cluster',
      title:
        'Install the new intermediates, restart istiod, then restart workloads so every workload certificate chains to the new root; check cross-cluster traffic',
      commands: [...install, ...restart, ...workloads],
    },
    {
      where: 'local',
      title: 'Retire the old root: root/ becomes root.retired-<time>/, bundles trust only the new root',
      commands: [`okemesh certs rotate root --finish --dir ${dir}`],
    },
    {
      where: 'cluster',
      title: 'Install the one-root bundles and restart istiod; then destroy the retired root key offline',
      commands: [...install, ...restart],
    },
  ];
  const done = stepsDone[phase];
  return raw.map((s, i) => ({
    ...s,
    step: i + 1,
    status: i < done ? 'done' : i === done ? 'next' : 'pending',
  }));
}

async function setTrust(dir: string, clusters: readonly string[], roots: readonly string[]): Promise<void> {
  for (const cluster of clusters) {
    await readBundleFiles(dir, cluster);
    await writeStoreFile(join(dir, cluster, 'root-cert.pem'), joinPem(roots), CERT_MODE);
  }
}

async function expectPhase(dir: string, phase: RotationPhase, action: string): Promise<void> {
  const state = await readRotation(dir);
  if (state.phase !== phase) {
    throw new CertsError(
      'CERT_ROTATION_STATE',
      `cannot ${action}: the root rotation is in phase "${state.phase}", expected "${phase}"`,
    );
  }
}

/** Step 1: a new root in `root.next/`, and every cluster's root-cert.pem = old + new. */
export async function startRootRotation(dir: string, options: IssueOptions): Promise<IssuedSummary> {
  await expectPhase(dir, 'none', 'start a root rotation');
  const current = await readRoot(dir, {
    requireKey: true,
    ...(options.passphrase !== undefined && { passphrase: options.passphrase }),
  });
  const next = await initRoot(dir, options, 'root.next');
  const nextPem = (await readRoot(dir, { slot: 'root.next' })).certPem;
  await setTrust(dir, await listClusters(dir), [current.certPem, nextPem]);
  await writeRotation(dir, { phase: 'trust', startedAt: options.now.toISOString() });
  return next;
}

/** Step 3: new intermediates for every cluster, signed by the incoming root. */
export async function continueRootRotation(dir: string, options: IssueOptions): Promise<IssuedSummary[]> {
  const state = await readRotation(dir);
  await expectPhase(dir, 'trust', 'continue the root rotation');
  // Fail on a missing or wrong passphrase before the phase moves on.
  await loadSigningRoot(dir, 'root.next', options.passphrase);
  await writeRotation(dir, { ...state, phase: 'cutover' });
  return issueIntermediates(dir, await listClusters(dir), options);
}

/** Step 5: the incoming root becomes the root; bundles trust it alone. */
export async function finishRootRotation(dir: string, now: Date): Promise<{ retired: string }> {
  await expectPhase(dir, 'cutover', 'finish the root rotation');
  const next = new NodeCertificate((await readRoot(dir, { slot: 'root.next' })).certPem);
  const clusters = await listClusters(dir);
  for (const cluster of clusters) {
    const pem = (await readBundleFiles(dir, cluster))['ca-cert.pem'];
    const cert = pem === undefined ? undefined : new NodeCertificate(pem);
    if (!cert?.checkIssued(next) || !cert.verify(next.publicKey)) {
      throw new CertsError(
        'CERT_ROTATION_STATE',
        `cannot finish: the intermediate of ${cluster} is not signed by the new root yet (okemesh certs rotate intermediate --cluster ${cluster})`,
      );
    }
  }
  const retired = await promoteNextRoot(dir, now);
  await setTrust(dir, clusters, [next.toString()]);
  await writeRotation(dir, { phase: 'none' });
  return { retired };
}
