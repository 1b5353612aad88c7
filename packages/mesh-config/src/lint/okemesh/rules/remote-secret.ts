import { parse } from 'yaml';
import type { AnalysisContext, Analyzer } from '../../context.js';
import { secretData } from '../../analyzers/gateway-secret.js';
import { asArray, asJson, asString, isJson, type LintResource } from '../../resource.js';
import { okm } from '../report.js';

function kubeconfigOf(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = parse(text);
    return isJson(value) && (value['kind'] === 'Config' || Array.isArray(value['clusters']))
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/** Secrets meant as remote secrets: labelled, named, annotated, or holding a kubeconfig in istio-system. */
export function remoteSecrets(
  resources: readonly LintResource[],
): { secret: LintResource; configs: Map<string, Record<string, unknown>> }[] {
  const out: { secret: LintResource; configs: Map<string, Record<string, unknown>> }[] = [];
  for (const secret of resources) {
    if (secret.kind !== 'Secret' || secret.group !== '') continue;
    const configs = new Map<string, Record<string, unknown>>();
    for (const [key, value] of secretData(secret)) {
      const config = kubeconfigOf(value.toString('utf8'));
      if (config) configs.set(key, config);
    }
    const marked =
      secret.labels['istio/multiCluster'] !== undefined ||
      secret.name.startsWith('istio-remote-secret-') ||
      'networking.istio.io/cluster' in secret.annotations;
    if (marked || (configs.size > 0 && secret.namespace === 'istio-system')) out.push({ secret, configs });
  }
  return out;
}

function checkKubeconfig(
  ctx: AnalysisContext,
  secret: LintResource,
  key: string,
  config: Record<string, unknown>,
): void {
  const unsafe = (message: string, hint: string) =>
    okm(ctx, 'OKM0020', secret, `remote secret ${secret.name} (${key}): ${message}`, hint, [
      'stringData',
      key,
    ]);
  for (const c of asArray(config['clusters'])) {
    const cluster = asJson(asJson(c)['cluster']);
    if (cluster['insecure-skip-tls-verify'] === true || cluster['insecure-skip-tls-verify'] === 'true')
      unsafe(
        'insecure-skip-tls-verify disables API-server certificate checks',
        'embed certificate-authority-data (istioctl create-remote-secret does)',
      );
    if (!asString(cluster['certificate-authority-data']))
      unsafe('no certificate-authority-data', 'embed the API server CA as certificate-authority-data');
  }
  for (const u of asArray(config['users'])) {
    const user = asJson(asJson(u)['user']);
    if (user['exec'] !== undefined)
      unsafe('exec credential plugins are rejected by istiod', 'use a ServiceAccount token');
    if (user['tokenFile'] !== undefined) unsafe('tokenFile is rejected by istiod', 'embed the token');
    if (user['client-key'] !== undefined || user['client-certificate'] !== undefined)
      unsafe('file-based client keys are rejected by istiod', 'embed a token (or client-*-data)');
    const provider = asJson(user['auth-provider']);
    if (user['auth-provider'] !== undefined && provider['name'] !== 'oidc')
      unsafe(
        `auth-provider ${asString(provider['name'])} is rejected by istiod (only oidc)`,
        'use a ServiceAccount token',
      );
    if (
      !asString(user['token']) &&
      user['auth-provider'] === undefined &&
      !asString(user['client-certificate-data'])
    )
      unsafe('no credentials (token)', 'embed the reader ServiceAccount token');
  }
}

/** OKM0020-0021: remote secrets istiod accepts and that are safe. */
export const remoteSecretRule: Analyzer = {
  name: 'okemesh.RemoteSecret',
  analyze(ctx) {
    for (const { secret, configs } of remoteSecrets(ctx.all('', 'Secret'))) {
      const keys = [...secretData(secret).keys()];
      const shape = (message: string, hint: string, path: readonly (string | number)[]) =>
        okm(ctx, 'OKM0021', secret, message, hint, path);
      if (secret.labels['istio/multiCluster'] !== 'true')
        shape(
          `remote secret ${secret.name} lacks label istio/multiCluster: "true": istiod never reads it`,
          'label it istio/multiCluster: "true" (istioctl create-remote-secret does)',
          ['metadata', 'labels'],
        );
      if (keys.length !== 1)
        shape(
          `remote secret ${secret.name} has ${keys.length} data keys; istiod treats every key as a cluster ID`,
          'keep exactly one key: the remote clusterName',
          ['metadata', 'name'],
        );
      const key = keys[0] ?? '';
      if (keys.length === 1 && secret.name !== `istio-remote-secret-${key}`)
        shape(
          `remote secret name ${secret.name} does not match its cluster ${key}`,
          `name it istio-remote-secret-${key}`,
          ['metadata', 'name'],
        );
      if (keys.length === 1 && secret.annotations['networking.istio.io/cluster'] !== key)
        shape(
          `remote secret ${secret.name} lacks annotation networking.istio.io/cluster: ${key}`,
          `annotate it networking.istio.io/cluster: ${key}`,
          ['metadata', 'annotations'],
        );
      for (const [k, config] of configs) checkKubeconfig(ctx, secret, k, config);
    }
  },
};
