import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { apiFailure, KubeError, statusOf } from './errors.js';
import { describeRef, type KubeApi, type KubeObject, type ListRef, type ObjectRef } from './object.js';

const DRY_RUN = 'All';
const FIELD_MANAGER = 'okemesh';

function header(ref: ObjectRef) {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }) },
  };
}

/** A named object; list items carry no apiVersion/kind of their own, single answers must. */
function isObject(value: unknown, withKind: boolean): value is KubeObject {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
  const named = typeof v.metadata?.name === 'string' && v.metadata.name !== '';
  return named && (!withKind || (typeof v.apiVersion === 'string' && typeof v.kind === 'string'));
}

/**
 * A {@link KubeApi} over @kubernetes/client-node's generic object API for one kubeconfig context (heavy: ~1 s
 * to import, so loaded on first use). Every answer is checked to be a Kubernetes object: a proxy or a wrong
 * endpoint answering HTML or `{}` is KUBE_API_FAILED, never an object with no name. Failures are mapped once
 * (`apiFailure`: the call and the HTTP status, never the body). A 404 on read and delete, and the list of a kind
 * the cluster does not serve, are not errors.
 */
export async function clientNodeApi(cluster: string, kubeConfig: KubeConfig): Promise<KubeApi> {
  const { KubernetesObjectApi, PatchStrategy } = await import('@kubernetes/client-node');
  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  const checked = (value: unknown, what: string, withKind = true): KubeObject => {
    if (!isObject(value, withKind))
      throw new KubeError(
        'KUBE_API_FAILED',
        `${cluster}: ${what} answered with something that is not a Kubernetes object`,
      );
    return value;
  };
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw apiFailure(cluster, what, error);
    }
  };
  return {
    cluster,
    async list(ref: ListRef, labelSelector?: string) {
      const what = `list ${ref.kind}${ref.namespace ? ` in ${ref.namespace}` : ''}`;
      try {
        const list = await call(what, () =>
          api.list(
            ref.apiVersion,
            ref.kind,
            ref.namespace,
            undefined,
            undefined,
            undefined,
            undefined,
            labelSelector,
          ),
        );
        if (!Array.isArray(list?.items))
          throw new KubeError('KUBE_API_FAILED', `${cluster}: ${what} answered with no items list`);
        return list.items.map((item) => ({
          ...checked(item, what, false),
          apiVersion: ref.apiVersion,
          kind: ref.kind,
        }));
      } catch (error) {
        // A kind the cluster does not serve (e.g. no Argo CD) lists as empty.
        if (statusOf(error) === 404) return [];
        throw error;
      }
    },
    async read(ref: ObjectRef) {
      const what = `read ${describeRef(ref)}`;
      try {
        return checked(await call(what, () => api.read(header(ref))), what);
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw error;
      }
    },
    async create(object: KubeObject, dryRun: boolean) {
      const what = `create ${describeRef({ ...object, ...object.metadata })}`;
      const created = await call(what, () =>
        api.create(object as KubernetesObject, undefined, dryRun ? DRY_RUN : undefined, FIELD_MANAGER),
      );
      return checked(created, what);
    },
    async patch(ref: ObjectRef, patch: Record<string, unknown>, dryRun: boolean) {
      const what = `patch ${describeRef(ref)}`;
      const target = header(ref);
      const merged = {
        ...patch,
        ...target,
        metadata: { ...(patch.metadata as object | undefined), ...target.metadata },
      };
      const patched = await call(what, () =>
        api.patch(
          merged,
          undefined,
          dryRun ? DRY_RUN : undefined,
          FIELD_MANAGER,
          undefined,
          PatchStrategy.MergePatch,
        ),
      );
      return checked(patched, what);
    },
    async replace(object: KubeObject, dryRun: boolean) {
      const what = `replace ${describeRef({ ...object, ...object.metadata })}`;
      const replaced = await call(what, () =>
        api.replace(object as KubernetesObject, undefined, dryRun ? DRY_RUN : undefined, FIELD_MANAGER),
      );
      return checked(replaced, what);
    },
    async delete(ref: ObjectRef, options: { dryRun: boolean; gracePeriodSeconds?: number }) {
      try {
        await call(`delete ${describeRef(ref)}`, () =>
          api.delete(
            header(ref),
            undefined,
            options.dryRun ? DRY_RUN : undefined,
            options.gracePeriodSeconds,
          ),
        );
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
  };
}

/** One {@link KubeApi} per topology cluster, by kubeconfig context, from one kubeconfig read once. */
export async function kubeApisFromContexts(
  contexts: readonly { readonly cluster: string; readonly context: string }[],
  kubeconfig: { forContext(context: string): Promise<KubeConfig> },
): Promise<Map<string, KubeApi>> {
  const apis = new Map<string, KubeApi>();
  for (const { cluster, context } of contexts)
    apis.set(cluster, await clientNodeApi(cluster, await kubeconfig.forContext(context)));
  return apis;
}
