import { kubeApisFromContexts as apisFromKubeconfig, loadKubeconfig } from '@okemesh/kube';
import type { KubeApi } from './object.js';

export { clientNodeApi } from '@okemesh/kube';

/**
 * One API per topology cluster, by kubeconfig context: `file`, else $KUBECONFIG / ~/.kube/config, read once
 * through @okemesh/kube's loader and safety policy (KUBE_CONFIG_NOT_FOUND, KUBE_CONTEXT_NOT_FOUND,
 * KUBE_CONFIG_UNSAFE).
 */
export async function kubeApisFromContexts(
  contexts: readonly { readonly cluster: string; readonly context: string }[],
  file?: string,
): Promise<Map<string, KubeApi>> {
  const kubeconfig = await loadKubeconfig(file === undefined ? {} : { file });
  return apisFromKubeconfig(contexts, kubeconfig);
}
