import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import type { KubeApi, KubeObject, ListRef, ObjectRef } from './object.js';
import { statusOf } from './object.js';

const DRY_RUN = 'All';
const FIELD_MANAGER = 'okemesh-drills';

function header(ref: ObjectRef) {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }) },
  };
}

/**
 * A {@link KubeApi} over @kubernetes/client-node's generic object API for one kubeconfig context. The client
 * (heavy: ~1 s to import) is loaded on first use, so `okemesh probe` never pays for it.
 */
export async function clientNodeApi(cluster: string, kubeConfig: KubeConfig): Promise<KubeApi> {
  const { KubernetesObjectApi, PatchStrategy } = await import('@kubernetes/client-node');
  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  const asObject = (value: KubernetesObject) => value as unknown as KubeObject;
  return {
    cluster,
    async list(ref: ListRef, labelSelector?: string) {
      try {
        const list = await api.list(
          ref.apiVersion,
          ref.kind,
          ref.namespace,
          undefined,
          undefined,
          undefined,
          undefined,
          labelSelector,
        );
        return list.items.map((item) => ({ ...asObject(item), apiVersion: ref.apiVersion, kind: ref.kind }));
      } catch (error) {
        // A kind the cluster does not serve (e.g. no Argo CD) lists as empty.
        if (statusOf(error) === 404) return [];
        throw error;
      }
    },
    async read(ref: ObjectRef) {
      try {
        return asObject(await api.read(header(ref)));
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw error;
      }
    },
    async create(object: KubeObject, dryRun: boolean) {
      return asObject(
        await api.create(object as KubernetesObject, undefined, dryRun ? DRY_RUN : undefined, FIELD_MANAGER),
      );
    },
    async patch(ref: ObjectRef, patch: Record<string, unknown>, dryRun: boolean) {
      const target = header(ref);
      const merged = {
        ...patch,
        ...target,
        metadata: { ...(patch.metadata as object | undefined), ...target.metadata },
      };
      return asObject(
        await api.patch(
          merged,
          undefined,
          dryRun ? DRY_RUN : undefined,
          FIELD_MANAGER,
          undefined,
          PatchStrategy.MergePatch,
        ),
      );
    },
    async replace(object: KubeObject, dryRun: boolean) {
      return asObject(
        await api.replace(object as KubernetesObject, undefined, dryRun ? DRY_RUN : undefined, FIELD_MANAGER),
      );
    },
    async delete(ref: ObjectRef, options: { dryRun: boolean; gracePeriodSeconds?: number }) {
      try {
        await api.delete(
          header(ref),
          undefined,
          options.dryRun ? DRY_RUN : undefined,
          options.gracePeriodSeconds,
        );
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
  };
}

/** Loads the default kubeconfig (or `file`) and returns one API per topology cluster, by kubeconfig context. */
export async function kubeApisFromContexts(
  contexts: readonly { readonly cluster: string; readonly context: string }[],
  file?: string,
): Promise<Map<string, KubeApi>> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const apis = new Map<string, KubeApi>();
  for (const { cluster, context } of contexts) {
    const config = new KubeConfig();
    if (file) config.loadFromFile(file);
    else config.loadFromDefault();
    config.setCurrentContext(context);
    apis.set(cluster, await clientNodeApi(cluster, config));
  }
  return apis;
}
