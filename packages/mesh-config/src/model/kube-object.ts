/** Metadata every rendered object carries. Labels and annotations are plain string maps. */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** The common shape of every Kubernetes object: what identity, sorting and serialization rely on. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
}

/** An object read from a manifest whose kind is not (yet) known: the base plus any other fields. */
export type UnknownKubeObject = KubeObject & { readonly [field: string]: unknown };

/** Narrows a parsed YAML value to a {@link KubeObject}: apiVersion, kind and metadata.name are strings. */
export function isKubeObject(value: unknown): value is UnknownKubeObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const metadata = record['metadata'];
  return (
    typeof record['apiVersion'] === 'string' &&
    typeof record['kind'] === 'string' &&
    typeof metadata === 'object' &&
    metadata !== null &&
    typeof (metadata as Record<string, unknown>)['name'] === 'string'
  );
}
