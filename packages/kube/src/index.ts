export { KubeError, isKubeError, statusOf, apiFailure } from './errors.js';
export type { KubeErrorCode } from './errors.js';
export { loadKubeconfig, kubeconfigPath } from './kubeconfig.js';
export type { KubeconfigSource, LoadedKubeconfig } from './kubeconfig.js';
export { unsafeKubeconfigReasons } from './kubeconfig-safety.js';
export type { KubeconfigPurpose } from './kubeconfig-safety.js';
export { refOf, describeRef } from './object.js';
export type { KubeApi, KubeObject, ListRef, ObjectRef } from './object.js';
export { clientNodeApi, kubeApisFromContexts } from './object-api.js';
