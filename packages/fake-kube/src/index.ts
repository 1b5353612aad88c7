export { startFakeKube, startFakeKubes } from './server.js';
export type {
  FakeKube,
  FakeKubeOptions,
  KubeconfigOptions,
  LoadBalancerIngress,
  ObjectChange,
} from './fake-kube.js';
export type { StoreEventType } from './store.js';
export {
  buildKubeconfig,
  kubeconfigYaml,
  writeKubeconfigFile,
  writeMultiClusterKubeconfig,
} from './kubeconfig.js';
export type { KubeconfigContext, KubeconfigDocument, KubeconfigTarget } from './kubeconfig.js';
export { FakeKubeError, isFakeKubeError } from './errors.js';
export type { FakeKubeErrorCode, StatusCause, StatusDetails } from './errors.js';
export type { KubeStatus } from './status.js';
export type { KubeObject, ObjectMeta, OwnerReference, StoredObject } from './object.js';
export type { ObjectRef, ListFilter } from './object-access.js';
export type { RequestLogEntry } from './request-log.js';
export type { DropFault, FailureFault, LatencyFault, RequestMatcher } from './faults.js';
export type { ControllerOptions } from './controllers.js';
export type { ServerVersion } from './discovery.js';
export { BUILTIN_TYPES } from './resources.js';
export type { ResourceType, Subresource } from './resources.js';
export { CRD_BUNDLES, customResourceDefinition } from './crds.js';
export type { CrdBundle, CustomResourceInput } from './crds.js';
