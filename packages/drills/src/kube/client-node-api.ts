import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DrillError } from '../errors.js';
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

/** The kubeconfig files client-node's loadFromDefault would read: $KUBECONFIG's list, else ~/.kube/config. */
function defaultKubeconfigFiles(): string[] {
  const listed = (process.env['KUBECONFIG'] ?? '').split(delimiter).filter(Boolean);
  return listed.length > 0 ? listed : [join(homedir(), '.kube', 'config')];
}

function loadKubeconfig(config: KubeConfig, file: string | undefined): string {
  const files = file ? [file] : defaultKubeconfigFiles();
  const inCluster = !file && process.env['KUBERNETES_SERVICE_HOST'] !== undefined;
  if (!inCluster && !files.some((f) => existsSync(f)))
    throw new DrillError('DRILL_KUBECONFIG', `no kubeconfig found at ${files.join(', ')}`);
  try {
    if (file) config.loadFromFile(file);
    else config.loadFromDefault();
  } catch (cause) {
    throw new DrillError(
      'DRILL_KUBECONFIG',
      `cannot read kubeconfig ${files.join(', ')}: ${String((cause as Error).message).split('\n')[0]}`,
      { cause },
    );
  }
  return files.join(', ');
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
    const source = loadKubeconfig(config, file);
    if (!config.getContextObject(context)) {
      const known = config.getContexts().map((c) => c.name);
      throw new DrillError(
        'DRILL_KUBECONFIG',
        `kubeconfig ${source} has no context ${context} (cluster ${cluster}); it has: ${known.join(', ') || 'none'}`,
      );
    }
    config.setCurrentContext(context);
    apis.set(cluster, await clientNodeApi(cluster, config));
  }
  return apis;
}
