import { AppsV1Api, CoordinationV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import type { FakeKube, KubeconfigOptions } from '../src/index.js';

/** Real @kubernetes/client-node clients configured from the kubeconfig the fake produces. */
export interface Clients {
  readonly kc: KubeConfig;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly custom: CustomObjectsApi;
  readonly coordination: CoordinationV1Api;
  readonly objects: KubernetesObjectApi;
}

export function clientsFor(fake: FakeKube, options?: KubeconfigOptions): Clients {
  const kc = new KubeConfig();
  kc.loadFromString(fake.kubeconfigYaml(options));
  return fromKubeConfig(kc);
}

export function fromKubeConfig(kc: KubeConfig): Clients {
  return {
    kc,
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    coordination: kc.makeApiClient(CoordinationV1Api),
    objects: KubernetesObjectApi.makeApiClient(kc),
  };
}

/** The HTTP code of a rejected client-node call (its `ApiException.code`). */
export async function codeOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The parsed Status body of a rejected client-node call. */
export async function statusOf(promise: Promise<unknown>): Promise<{ code: number; reason?: string; message?: string; kind?: string }> {
  try {
    await promise;
  } catch (error) {
    const body = (error as { body?: unknown }).body;
    if (typeof body === 'string') return JSON.parse(body) as { code: number; reason?: string };
    if (typeof body === 'object' && body !== null) return body as { code: number; reason?: string };
    throw error;
  }
  throw new Error('expected the call to fail');
}
