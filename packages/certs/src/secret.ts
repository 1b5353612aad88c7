import { cacertsFiles, CACERTS_FILES, type CacertsBundle, type CacertsFile } from './bundle.js';

export const CACERTS_SECRET = 'cacerts';
export const ISTIO_NAMESPACE = 'istio-system';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const CLUSTER_LABEL = 'okemesh.io/cluster';

/** A plain Kubernetes Secret object (what client-node and the YAML serializer both take). */
export interface SecretObject {
  readonly apiVersion: 'v1';
  readonly kind: 'Secret';
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly resourceVersion?: string;
  };
  readonly type: 'Opaque';
  readonly data: Readonly<Record<CacertsFile, string>>;
}

/** `istio-system/cacerts` with exactly ca-cert.pem, ca-key.pem, root-cert.pem and cert-chain.pem (base64). */
export function cacertsSecret(bundle: CacertsBundle, namespace: string = ISTIO_NAMESPACE): SecretObject {
  const files = cacertsFiles(bundle);
  const data = Object.fromEntries(
    CACERTS_FILES.map((name) => [name, Buffer.from(files[name], 'utf8').toString('base64')]),
  ) as Record<CacertsFile, string>;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: CACERTS_SECRET,
      namespace,
      labels: { [MANAGED_BY_LABEL]: 'okemesh', [CLUSTER_LABEL]: bundle.cluster },
    },
    type: 'Opaque',
    data,
  };
}

/** Decodes the cacerts keys of a Secret's `data` (base64); keys it does not have are left out. */
export function decodeSecretData(
  data: Readonly<Record<string, string>> | undefined,
): Partial<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data ?? {}))
    out[key] = Buffer.from(value, 'base64').toString('utf8');
  return out;
}
