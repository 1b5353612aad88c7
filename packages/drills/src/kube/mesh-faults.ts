import { DrillError } from '../errors.js';
import type { Fault } from '../spec/fault-schema.js';
import { DRILL_LABEL, refOf, type KubeObject, type ObjectRef } from './object.js';
import type { KubeFaultContext } from './workload-faults.js';

type Of<T extends Fault['type']> = Extract<Fault, { type: T }>;

const VS = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' } as const;
/** East-west gateway ports that stay open while 15443 (cross-network mTLS passthrough) is cut. */
const KEEP_OPEN = [15021, 15012, 15017];

export function markerRouteName(drillId: string): string {
  return `okemesh-fault-${drillId}`;
}

function servesHost(vs: KubeObject, service: string, namespace: string): boolean {
  const hosts = (vs.spec?.hosts ?? []) as string[];
  return hosts.some(
    (h) => h === service || h === `${service}.${namespace}` || h.startsWith(`${service}.${namespace}.svc`),
  );
}

/**
 * Istio abort fault (`fault.abort.percentage`, without which Istio aborts nothing). An existing VirtualService
 * for the host gets a marker route prepended (Steadybit's pattern, removed by name on revert); otherwise a
 * drill-labelled VirtualService is created and deleted on revert.
 */
export async function istioAbort(
  ctx: KubeFaultContext,
  fault: Of<'istio-abort'>,
  namespace: string,
): Promise<string[]> {
  const routeName = markerRouteName(ctx.drillId);
  const route = {
    name: routeName,
    fault: { abort: { httpStatus: fault.httpStatus, percentage: { value: fault.percentage } } },
    route: [{ destination: { host: fault.service } }],
  };
  const existing = (await ctx.api.list({ ...VS, namespace })).find((vs) =>
    servesHost(vs, fault.service, namespace),
  );
  const where = `${namespace}/${fault.service} in ${ctx.api.cluster}`;
  const what = `abort ${fault.percentage}% of requests to ${where} with HTTP ${fault.httpStatus}`;
  if (existing) {
    const ref = refOf(existing);
    const description = `${what} (route ${routeName} prepended to VirtualService ${existing.metadata.name})`;
    const mutation = ctx.dryRun
      ? undefined
      : await ctx.journal.begin(ctx.fault, description, existing, {
          type: 'remove-routes',
          cluster: ctx.api.cluster,
          ref,
          routeName,
        });
    const http = (existing.spec?.http ?? []) as unknown[];
    await ctx.api.replace({ ...existing, spec: { ...existing.spec, http: [route, ...http] } }, ctx.dryRun);
    if (mutation) await ctx.journal.mark(mutation, 'applied');
    await ctx.journal.plan(description);
    return [];
  }
  const object: KubeObject = {
    ...VS,
    metadata: { name: routeName, namespace, labels: { [DRILL_LABEL]: ctx.drillId } },
    spec: { hosts: [fault.service], http: [route] },
  };
  const description = `${what} (VirtualService ${routeName} created)`;
  const mutation = ctx.dryRun
    ? undefined
    : await ctx.journal.begin(ctx.fault, description, null, {
        type: 'delete-object',
        cluster: ctx.api.cluster,
        ref: refOf(object),
      });
  await ctx.api.create(object, ctx.dryRun);
  if (mutation) await ctx.journal.mark(mutation, 'applied');
  await ctx.journal.plan(description);
  return [];
}

/**
 * NetworkPolicy that selects the east-west gateway pods and admits only their non-15443 ports: cross-network
 * traffic is cut while the gateway stays Ready. Needs a CNI that enforces NetworkPolicy.
 */
export async function cutEastWest(ctx: KubeFaultContext, fault: Of<'cut-eastwest'>): Promise<string[]> {
  const selector = { istio: 'eastwestgateway' };
  const pods = await ctx.api.list(
    { apiVersion: 'v1', kind: 'Pod', namespace: fault.namespace },
    'istio=eastwestgateway',
  );
  if (pods.length === 0) {
    throw new DrillError(
      'DRILL_NO_TARGETS',
      `no east-west gateway pods (istio=eastwestgateway) in ${fault.namespace} of ${ctx.api.cluster}`,
    );
  }
  const name = `okemesh-cut-eastwest-${ctx.drillId}`;
  const policy: KubeObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: fault.namespace, labels: { [DRILL_LABEL]: ctx.drillId } },
    spec: {
      podSelector: { matchLabels: selector },
      policyTypes: ['Ingress'],
      ingress: [
        { ports: KEEP_OPEN.filter((p) => p !== fault.port).map((port) => ({ protocol: 'TCP', port })) },
      ],
    },
  };
  const ref: ObjectRef = refOf(policy);
  const description = `cut port ${fault.port} to ${pods.length} east-west gateway pod(s) in ${ctx.api.cluster} (NetworkPolicy ${name})`;
  const mutation = ctx.dryRun
    ? undefined
    : await ctx.journal.begin(ctx.fault, description, null, {
        type: 'delete-object',
        cluster: ctx.api.cluster,
        ref,
      });
  await ctx.api.create(policy, ctx.dryRun);
  if (mutation) await ctx.journal.mark(mutation, 'applied');
  await ctx.journal.plan(description);
  return [];
}
