/** The slice of a Kubernetes object okemesh reads and writes. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Identifies one object. */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

export interface ListRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
}

/**
 * One cluster's API server, generically by apiVersion/kind. `dryRun` sends `dryRun=All`: the server validates
 * and admits the change but persists nothing.
 */
export interface KubeApi {
  readonly cluster: string;
  list(ref: ListRef, labelSelector?: string): Promise<KubeObject[]>;
  /** `null` when the object (or its kind) does not exist. */
  read(ref: ObjectRef): Promise<KubeObject | null>;
  create(object: KubeObject, dryRun: boolean): Promise<KubeObject>;
  /** JSON merge patch (RFC 7386). */
  patch(ref: ObjectRef, patch: Record<string, unknown>, dryRun: boolean): Promise<KubeObject>;
  /** Replace carrying `metadata.resourceVersion` (optimistic concurrency: 409 on conflict). */
  replace(object: KubeObject, dryRun: boolean): Promise<KubeObject>;
  /** Deleting what is already gone is not an error. */
  delete(ref: ObjectRef, options: { dryRun: boolean; gracePeriodSeconds?: number }): Promise<void>;
}

export function refOf(object: KubeObject): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace === undefined ? {} : { namespace: object.metadata.namespace }),
  };
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
