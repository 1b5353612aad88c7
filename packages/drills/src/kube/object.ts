// The Kubernetes object model is @okemesh/kube's (one KubeObject type for every package).
export { describeRef, refOf, statusOf } from '@okemesh/kube';
export type { KubeApi, KubeObject, ListRef, ObjectRef } from '@okemesh/kube';

/** The label every object a drill creates carries (found again by `orphans`). */
export const DRILL_LABEL = 'okemesh.io/drill';
