import { DrillError } from '../errors.js';
import type { Journal } from '../runner/journal.js';
import type { Fault } from '../spec/fault-schema.js';
import { describeRef, refOf, type KubeApi, type KubeObject, type ObjectRef } from './object.js';
import { pickTargets } from './targets.js';

export interface KubeFaultContext {
  readonly api: KubeApi;
  readonly journal: Journal;
  readonly fault: number;
  readonly dryRun: boolean;
  readonly drillId: string;
  readonly random?: () => number;
}

type Of<T extends Fault['type']> = Extract<Fault, { type: T }>;

export function isPodReady(pod: KubeObject): boolean {
  const conditions = (pod.status?.conditions ?? []) as { type?: string; status?: string }[];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

async function hpaFor(
  ctx: KubeFaultContext,
  deployment: ObjectRef & { namespace: string },
): Promise<KubeObject | undefined> {
  const hpas = await ctx.api.list({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    namespace: deployment.namespace,
  });
  return hpas.find((h) => {
    const target = h.spec?.scaleTargetRef as { kind?: string; name?: string } | undefined;
    return target?.kind === 'Deployment' && target.name === deployment.name;
  });
}

/** Scales a Deployment to 0 after journaling its replicas; revert writes the recorded value back. */
export async function scaleDeploymentToZero(
  ctx: KubeFaultContext,
  fault: Of<'scale-deployment' | 'eastwest-gateway-down'>,
): Promise<string[]> {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: fault.namespace, name: fault.name };
  const deployment = await ctx.api.read(ref);
  const where = `${describeRef(ref)} in ${ctx.api.cluster}`;
  if (!deployment) throw new DrillError('DRILL_NO_TARGETS', `${where} does not exist`);
  const replicas = typeof deployment.spec?.replicas === 'number' ? deployment.spec.replicas : 1;
  if (replicas === 0)
    throw new DrillError('DRILL_NO_TARGETS', `${where} is already scaled to 0: nothing would be failed`);
  const warnings: string[] = [];
  const hpa = await hpaFor(ctx, ref);
  if (hpa) {
    warnings.push(
      `HPA ${hpa.metadata.name} targets ${where}: it stops scaling while replicas are 0 and resumes once okemesh restores replicas=${replicas}`,
    );
  }
  const description = `scale ${where} from ${replicas} to 0`;
  if (!ctx.dryRun) {
    const mutation = await ctx.journal.begin(ctx.fault, description, deployment, {
      type: 'restore-replicas',
      cluster: ctx.api.cluster,
      ref,
      replicas,
    });
    await ctx.api.patch(ref, { spec: { replicas: 0 } }, false);
    await ctx.journal.mark(mutation, 'applied');
  } else {
    await ctx.api.patch(ref, { spec: { replicas: 0 } }, true);
  }
  await ctx.journal.plan(description);
  return warnings;
}

/** Deletes COUNT/PERCENT of the pods a selector matches; revert waits until as many pods are Ready again. */
export async function deletePods(ctx: KubeFaultContext, fault: Of<'delete-pods'>): Promise<string[]> {
  const pods = (
    await ctx.api.list({ apiVersion: 'v1', kind: 'Pod', namespace: fault.namespace }, fault.selector)
  ).filter((p) => p.metadata.deletionTimestamp === undefined);
  const what = `pods ${fault.namespace}/${fault.selector} in ${ctx.api.cluster}`;
  const targets = pickTargets(pods, fault.radius, what, ctx.random);
  const ready = pods.filter(isPodReady).length;
  const names = targets.map((p) => p.metadata.name);
  const description = `delete ${targets.length}/${pods.length} ${what}: ${names.join(', ')}`;
  const mutation = ctx.dryRun
    ? undefined
    : await ctx.journal.begin(
        ctx.fault,
        description,
        targets.map((p) => ({ name: p.metadata.name, uid: p.metadata.uid })),
        {
          type: 'await-pods',
          cluster: ctx.api.cluster,
          namespace: fault.namespace,
          selector: fault.selector,
          ready,
        },
      );
  for (const pod of targets) {
    await ctx.api.delete(refOf(pod), { dryRun: ctx.dryRun, gracePeriodSeconds: fault.gracePeriodSeconds });
  }
  if (mutation) await ctx.journal.mark(mutation, 'applied');
  await ctx.journal.plan(description);
  return [];
}

/** Cordons nodes that are schedulable now; revert uncordons exactly those. */
export async function cordonNodes(ctx: KubeFaultContext, fault: Of<'cordon-nodes'>): Promise<string[]> {
  const nodes = (await ctx.api.list({ apiVersion: 'v1', kind: 'Node' }, fault.selector)).filter(
    (n) => n.spec?.unschedulable !== true,
  );
  const targets = pickTargets(
    nodes,
    fault.radius,
    `schedulable nodes${fault.selector ? ` matching ${fault.selector}` : ''} in ${ctx.api.cluster}`,
    ctx.random,
  );
  for (const node of targets) {
    const ref = refOf(node);
    const description = `cordon node ${node.metadata.name} in ${ctx.api.cluster}`;
    const mutation = ctx.dryRun
      ? undefined
      : await ctx.journal.begin(ctx.fault, description, node, {
          type: 'uncordon',
          cluster: ctx.api.cluster,
          ref,
        });
    await ctx.api.patch(ref, { spec: { unschedulable: true } }, ctx.dryRun);
    if (mutation) await ctx.journal.mark(mutation, 'applied');
    await ctx.journal.plan(description);
  }
  return [];
}
