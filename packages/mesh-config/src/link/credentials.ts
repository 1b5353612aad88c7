import type { Secret } from '../model/core.js';
import { ISTIO_NAMESPACE, READER_SERVICE_ACCOUNT } from '../names.js';
import { readerServiceAccount, readerTokenSecret } from '../resources/core/remote-secret-reader.js';
import type { LinkClient } from './link-client.js';

/** How the reader token was obtained; a TokenRequest token expires, so the CLI warns about it. */
export type TokenSource = 'token-secret' | 'token-request';

export interface ReaderToken {
  readonly token: string;
  readonly caData: string | undefined;
  readonly source: TokenSource;
  /** What had to be created in the source cluster to get the token. */
  readonly created: readonly string[];
}

/** One year: TokenRequest tokens are capped by the API server's --service-account-max-token-expiration. */
export const TOKEN_REQUEST_SECONDS = 365 * 24 * 3600;

export interface TokenOptions {
  readonly dryRun: boolean;
  /** How long to wait for the token controller to fill a new token Secret. */
  readonly waitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const decode = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');

function filled(secret: Secret | undefined): { token: string; caData: string | undefined } | undefined {
  const token = decode(secret?.data?.['token']);
  return token ? { token, caData: secret?.data?.['ca.crt'] } : undefined;
}

/**
 * The reader ServiceAccount's token, the way `istioctl create-remote-secret` gets it on Kubernetes ≥ 1.24:
 * the `istio-reader-service-account-istio-remote-secret-token` Secret (created if missing, then filled by
 * the token controller), else a TokenRequest. In a dry run nothing is created: the result is undefined
 * when no token exists yet.
 */
export async function readerToken(
  client: LinkClient,
  options: TokenOptions,
): Promise<ReaderToken | undefined> {
  const secretTemplate = readerTokenSecret();
  const name = secretTemplate.metadata.name;
  const existing = filled(await client.readSecret(ISTIO_NAMESPACE, name));
  if (existing) return { ...existing, source: 'token-secret', created: [] };
  if (options.dryRun) return undefined;

  const created: string[] = [];
  if (!(await client.serviceAccountExists(ISTIO_NAMESPACE, READER_SERVICE_ACCOUNT))) {
    const account = readerServiceAccount();
    await client.createServiceAccount(ISTIO_NAMESPACE, account.metadata.name);
    created.push(`ServiceAccount ${ISTIO_NAMESPACE}/${account.metadata.name}`);
  }
  if ((await client.readSecret(ISTIO_NAMESPACE, name)) === undefined) {
    await client.createSecret(secretTemplate);
    created.push(`Secret ${ISTIO_NAMESPACE}/${name}`);
  }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = options.waitMs ?? 5000;
  for (let waited = 0; waited <= deadline; waited += 250) {
    const now = filled(await client.readSecret(ISTIO_NAMESPACE, name));
    if (now) return { ...now, source: 'token-secret', created };
    await sleep(250);
  }
  const token = await client.requestToken(ISTIO_NAMESPACE, READER_SERVICE_ACCOUNT, TOKEN_REQUEST_SECONDS);
  return { token, caData: undefined, source: 'token-request', created };
}
