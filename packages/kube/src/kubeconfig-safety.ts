/**
 * The kubeconfig options okemesh refuses, by purpose.
 * - `remote-secret` (the kubeconfig okemesh generates for istiod): istiod rejects exec plugins, token
 *   files, file-based client certificates/keys and non-oidc auth providers (`sanitizeKubeConfig`), and
 *   `insecure-skip-tls-verify` turns off API-server certificate checks.
 * - `connect` (the operator's kubeconfig `mesh link` reads clusters with): anything client-node can use,
 *   including the `oci ce cluster generate-token` exec plugin that `oci ce cluster create-kubeconfig`
 *   writes; only `insecure-skip-tls-verify` is refused (it would send the operator's credentials to an
 *   unverified server). Nothing of this kubeconfig is copied into a remote secret.
 */
export type KubeconfigPurpose = 'remote-secret' | 'connect';

type Entry = { readonly name?: unknown; readonly [key: string]: unknown };

function named(list: unknown, name: string, field: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const entry = (list as Entry[]).find((item) => item.name === name);
  const value = entry?.[field];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Why a context of a parsed kubeconfig (the raw YAML object) is unsafe; an empty list means it is fine. */
export function unsafeKubeconfigReasons(
  kubeconfig: unknown,
  contextName: string,
  purpose: KubeconfigPurpose = 'remote-secret',
): string[] {
  const config = (typeof kubeconfig === 'object' && kubeconfig !== null ? kubeconfig : {}) as Record<
    string,
    unknown
  >;
  const context = named(config['contexts'], contextName, 'context');
  if (!context) return [`context "${contextName}" does not exist`];
  const reasons: string[] = [];
  const cluster =
    typeof context['cluster'] === 'string'
      ? named(config['clusters'], context['cluster'], 'cluster')
      : undefined;
  const user =
    typeof context['user'] === 'string' ? named(config['users'], context['user'], 'user') : undefined;
  if (!cluster) reasons.push(`context "${contextName}" names no cluster entry`);
  if (cluster?.['insecure-skip-tls-verify'] === true) reasons.push('cluster sets insecure-skip-tls-verify');
  if (user && purpose === 'remote-secret') {
    if (user['exec'] !== undefined) reasons.push('user authenticates with an exec plugin');
    if (user['tokenFile'] !== undefined || user['token-file'] !== undefined)
      reasons.push('user reads its token from a file (tokenFile)');
    if (user['client-key'] !== undefined) reasons.push('user reads its client key from a file (client-key)');
    if (user['client-certificate'] !== undefined)
      reasons.push('user reads its client certificate from a file (client-certificate)');
    const provider = user['auth-provider'] as { name?: unknown } | undefined;
    if (provider !== undefined && provider.name !== 'oidc')
      reasons.push(`user uses the auth-provider "${String(provider.name)}" (only oidc is allowed)`);
  }
  return reasons;
}
