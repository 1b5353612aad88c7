import { KubeConfig } from '@kubernetes/client-node';
import { startFakeKube, type FakeKube } from '@okemesh/fake-kube';
import { clientNodeApi } from '../src/kube/client-node-api.js';
import type { KubeApi, KubeObject } from '../src/kube/object.js';

export interface FakeCluster {
  readonly fake: FakeKube;
  readonly api: KubeApi;
}

/** A fake cluster (real HTTPS, Deployment/pod controllers) and a client-node backed KubeApi for it. */
export async function fakeCluster(
  name: string,
  namespaces: readonly string[] = ['bookinfo', 'istio-system'],
): Promise<FakeCluster> {
  const fake = await startFakeKube({
    name,
    namespaces,
    nodes: [`${name}-node-1`, `${name}-node-2`, `${name}-node-3`],
    controllers: { podReadyDelayMs: 20 },
  });
  const config = new KubeConfig();
  config.loadFromString(fake.kubeconfigYaml());
  return { fake, api: await clientNodeApi(name, config) };
}

export function deployment(
  namespace: string,
  name: string,
  replicas: number,
  labels: Record<string, string> = { app: name },
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image: `example/${name}:1` }] } },
    },
  };
}

export function readyPods(fake: FakeKube, namespace: string, app: string): number {
  return fake
    .list('v1', 'Pod', { namespace, labelSelector: `app=${app}` })
    .filter((p) =>
      ((p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some(
        (c) => c.type === 'Ready' && c.status === 'True',
      ),
    ).length;
}
