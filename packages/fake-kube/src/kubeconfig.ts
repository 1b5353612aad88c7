import { chmod, writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

/** What a kubeconfig needs to know about one fake cluster. */
export interface KubeconfigTarget {
  readonly name: string;
  readonly server: string;
  readonly caPem: string;
  readonly token: string;
}

/** One context of a (multi-cluster) kubeconfig. */
export interface KubeconfigContext {
  /** Context name, chosen by the caller (e.g. `primary`, `oke-fra`). */
  readonly context: string;
  readonly cluster: KubeconfigTarget;
  /** Default namespace of the context. */
  readonly namespace?: string;
  /** Bearer token to use instead of the cluster's admin token. */
  readonly token?: string;
}

/** A kubeconfig document (`apiVersion: v1`, `kind: Config`) as a plain object. */
export interface KubeconfigDocument {
  readonly apiVersion: 'v1';
  readonly kind: 'Config';
  readonly clusters: readonly {
    readonly name: string;
    readonly cluster: { readonly server: string; readonly 'certificate-authority-data': string };
  }[];
  readonly users: readonly { readonly name: string; readonly user: { readonly token: string } }[];
  readonly contexts: readonly {
    readonly name: string;
    readonly context: { readonly cluster: string; readonly user: string; readonly namespace?: string };
  }[];
  readonly 'current-context': string;
  readonly preferences: Record<string, never>;
}

/**
 * Builds one kubeconfig with a context per entry. TLS is always verified against the embedded CA
 * (`certificate-authority-data`); the token is the fake's admin token unless the entry gives one.
 * Cluster and user entries are named after the context, so two fakes with the same name cannot collide.
 */
export function buildKubeconfig(
  entries: readonly KubeconfigContext[],
  currentContext?: string,
): KubeconfigDocument {
  const first = entries[0];
  if (first === undefined) throw new RangeError('a kubeconfig needs at least one context');
  const names = new Set(entries.map((e) => e.context));
  if (names.size !== entries.length) throw new RangeError('kubeconfig context names must be unique');
  if (currentContext !== undefined && !names.has(currentContext))
    throw new RangeError(`current context "${currentContext}" is not one of the contexts`);
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: entries.map((e) => ({
      name: e.context,
      cluster: {
        server: e.cluster.server,
        'certificate-authority-data': Buffer.from(e.cluster.caPem).toString('base64'),
      },
    })),
    users: entries.map((e) => ({ name: `${e.context}-admin`, user: { token: e.token ?? e.cluster.token } })),
    contexts: entries.map((e) => ({
      name: e.context,
      context: {
        cluster: e.context,
        user: `${e.context}-admin`,
        ...(e.namespace === undefined ? {} : { namespace: e.namespace }),
      },
    })),
    'current-context': currentContext ?? first.context,
    preferences: {},
  };
}

export function kubeconfigYaml(document: KubeconfigDocument): string {
  return stringify(document);
}

/** Writes a kubeconfig file with mode 0600 (it holds bearer tokens). */
export async function writeKubeconfigFile(path: string, document: KubeconfigDocument): Promise<void> {
  await writeFile(path, kubeconfigYaml(document), { mode: 0o600 });
  await chmod(path, 0o600);
}

/** Writes ONE kubeconfig file with a context per fake cluster (context names chosen by the caller). */
export async function writeMultiClusterKubeconfig(
  path: string,
  entries: readonly KubeconfigContext[],
  currentContext?: string,
): Promise<KubeconfigDocument> {
  const document = buildKubeconfig(entries, currentContext);
  await writeKubeconfigFile(path, document);
  return document;
}
