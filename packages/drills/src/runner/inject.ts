import { parseDuration } from '@okemesh/topology';
import { sqlConnector } from '../data/sql-connector.js';
import { DrillError } from '../errors.js';
import { cutEastWest, istioAbort } from '../kube/mesh-faults.js';
import {
  cordonNodes,
  deletePods,
  scaleDeploymentToZero,
  type KubeFaultContext,
} from '../kube/workload-faults.js';
import type { Fault } from '../spec/fault-schema.js';
import type { WriterSpec } from '../spec/writer-schema.js';
import type { Journal } from './journal.js';
import type { FaultDeps } from './ports.js';

export interface InjectContext {
  readonly journal: Journal;
  readonly deps: FaultDeps;
  readonly dryRun: boolean;
  readonly drillId: string;
  /** Namespace of each topology service, for faults that name a service. */
  readonly serviceNamespaces: ReadonlyMap<string, string>;
  /** Autonomous Database OCIDs from the topology. */
  readonly adb?: { readonly primary: string; readonly standby: string };
  /** The drill's RPO writer: postgres-promote acts on its standby endpoint. */
  readonly writer?: WriterSpec;
  readonly random?: () => number;
}

async function injectCommand(
  ctx: InjectContext,
  index: number,
  fault: Extract<Fault, { type: 'command' }>,
): Promise<string[]> {
  const description = `run ${fault.inject.join(' ')} (revert: ${fault.revert.join(' ')})`;
  await ctx.journal.plan(description);
  if (ctx.dryRun) return [];
  if (!ctx.deps.commands)
    throw new DrillError(
      'DRILL_FAULT_FAILED',
      'command faults need a command runner (the okemesh CLI provides one)',
    );
  const mutation = await ctx.journal.begin(index, description, null, { type: 'command', argv: fault.revert });
  await ctx.deps.commands(fault.inject);
  await ctx.journal.mark(mutation, 'applied');
  return [];
}

async function injectAdb(
  ctx: InjectContext,
  index: number,
  fault: Extract<Fault, { type: 'adb-switchover' | 'adb-failover' }>,
): Promise<string[]> {
  if (!ctx.adb) throw new DrillError('DRILL_NO_TARGETS', 'no spec.data.autonomousDatabase in the topology');
  const [target, peer] =
    fault.database === 'standby' ? [ctx.adb.standby, ctx.adb.primary] : [ctx.adb.primary, ctx.adb.standby];
  const verb = fault.type === 'adb-switchover' ? 'switchover' : 'failover';
  const description = `Autonomous Data Guard ${verb}: ${target} becomes primary`;
  await ctx.journal.plan(description);
  if (ctx.dryRun) return [];
  if (!ctx.deps.adb)
    throw new DrillError('DRILL_FAULT_FAILED', 'Autonomous Database faults need OCI credentials');
  const revert =
    verb === 'switchover'
      ? ({ type: 'adb-switchover', databaseId: peer, peerDatabaseId: target } as const)
      : ({
          type: 'none',
          reason: 'a failover is not reverted automatically: reinstate the old primary, then switch over',
        } as const);
  const mutation = await ctx.journal.begin(index, description, { primary: peer, standby: target }, revert);
  await (verb === 'switchover' ? ctx.deps.adb.switchover(target, peer) : ctx.deps.adb.failover(target, peer));
  await ctx.journal.mark(mutation, 'applied');
  await ctx.deps.adb.waitForRole(target, 'PRIMARY');
  return revert.type === 'none' ? [revert.reason] : [];
}

async function injectPostgresPromote(
  ctx: InjectContext,
  index: number,
  fault: Extract<Fault, { type: 'postgres-promote' }>,
): Promise<string[]> {
  const writer = ctx.writer;
  if (writer?.driver !== 'postgres')
    throw new DrillError(
      'DRILL_SPEC_REFERENCE',
      'postgres-promote needs a spec.writer with driver: postgres',
    );
  const description = `pg_promote() on the standby ${writer.standby.host}:${writer.standby.port}`;
  await ctx.journal.plan(description);
  if (ctx.dryRun) return [];
  const reason =
    'a promotion is not reverted automatically: rebuild the old primary as a standby (pg_rewind or pg_basebackup)';
  const mutation = await ctx.journal.begin(index, description, null, { type: 'none', reason });
  const databases = await (ctx.deps.sql ?? sqlConnector())(writer);
  try {
    const promote = databases.standby.promote;
    if (!promote) throw new DrillError('DRILL_FAULT_FAILED', 'this database cannot be promoted over SQL');
    await promote.call(databases.standby, Math.ceil((parseDuration(fault.wait) ?? 60_000) / 1_000));
  } finally {
    await Promise.all([databases.primary.close(), databases.standby.close()]);
  }
  await ctx.journal.mark(mutation, 'applied');
  return [reason];
}

/** Injects one fault (journal first, then mutate); returns warnings. Server-side dry run when `dryRun`. */
export async function injectFault(ctx: InjectContext, index: number, fault: Fault): Promise<string[]> {
  if (fault.type === 'command') return injectCommand(ctx, index, fault);
  if (fault.type === 'adb-switchover' || fault.type === 'adb-failover') return injectAdb(ctx, index, fault);
  if (fault.type === 'postgres-promote') return injectPostgresPromote(ctx, index, fault);
  const api = ctx.deps.apis.get(fault.cluster);
  if (!api) throw new DrillError('DRILL_FAULT_FAILED', `no Kubernetes API for cluster ${fault.cluster}`);
  const kube: KubeFaultContext = {
    api,
    journal: ctx.journal,
    fault: index,
    dryRun: ctx.dryRun,
    drillId: ctx.drillId,
    ...(ctx.random ? { random: ctx.random } : {}),
  };
  switch (fault.type) {
    case 'scale-deployment':
    case 'eastwest-gateway-down':
      return scaleDeploymentToZero(kube, fault);
    case 'delete-pods':
      return deletePods(kube, fault);
    case 'cordon-nodes':
      return cordonNodes(kube, fault);
    case 'istio-abort': {
      const namespace = ctx.serviceNamespaces.get(fault.service);
      if (!namespace)
        throw new DrillError('DRILL_SPEC_REFERENCE', `service ${fault.service} is not in the topology`);
      return istioAbort(kube, fault, namespace);
    }
    case 'cut-eastwest':
      return cutEastWest(kube, fault);
  }
}
