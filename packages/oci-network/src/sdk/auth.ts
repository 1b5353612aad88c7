import * as common from 'oci-common';
import { OciNetworkError } from '../errors.js';

export type AuthMethod =
  'config' | 'security_token' | 'instance_principal' | 'resource_principal' | 'oke_workload_identity';

export const AUTH_METHODS: readonly AuthMethod[] = [
  'config',
  'security_token',
  'instance_principal',
  'resource_principal',
  'oke_workload_identity',
];

export interface AuthOptions {
  readonly method?: AuthMethod;
  /** `~/.oci/config` profile (config method). Default `DEFAULT`. */
  readonly profile?: string;
  /** Config file path (config method). Default `~/.oci/config`, or `OCI_CONFIG_FILE`. */
  readonly configFile?: string;
}

/** What okemesh needs from any OCI identity: request signing, and the tenancy when it is knowable. */
export interface OciIdentity {
  readonly provider: common.AuthenticationDetailsProvider;
  readonly method: AuthMethod;
  /** Tenancy OCID, from the config file or the principal's claims; undefined when the provider does not expose it. */
  readonly tenancyId: string | undefined;
}

/**
 * A config-file profile. One with `security_token_file` (written by `oci session authenticate`) must sign as
 * `ST$<token>` with the session key: SessionAuthDetailProvider does, the plain config provider would send a
 * `<tenancy>//<fingerprint>` key id that OCI rejects.
 */
function configProfile(options: AuthOptions, requireSession: boolean): common.AuthenticationDetailsProvider {
  const profile = options.profile ?? 'DEFAULT';
  const plain = new common.ConfigFileAuthenticationDetailsProvider(options.configFile, profile);
  const hasSession = Boolean((plain as unknown as { sessionToken?: string }).sessionToken);
  if (requireSession && !hasSession)
    throw new Error(`profile ${profile} has no security_token_file (run oci session authenticate)`);
  return hasSession ? new common.SessionAuthDetailProvider(options.configFile, profile) : plain;
}

async function build(options: AuthOptions): Promise<common.AuthenticationDetailsProvider> {
  switch (options.method ?? 'config') {
    case 'config':
      return configProfile(options, false);
    case 'security_token':
      return configProfile(options, true);
    case 'instance_principal':
      return new common.InstancePrincipalsAuthenticationDetailsProviderBuilder().build();
    case 'resource_principal':
      return common.ResourcePrincipalAuthenticationDetailsProvider.builder();
    case 'oke_workload_identity':
      return new common.OkeWorkloadIdentityAuthenticationDetailsProvider.OkeWorkloadIdentityAuthenticationDetailsProviderBuilder().build();
  }
}

async function tenancyOf(provider: common.AuthenticationDetailsProvider): Promise<string | undefined> {
  const withTenant = provider as Partial<{
    getTenantId: () => string;
    getStringClaim: (key: string) => Promise<string | null>;
  }>;
  if (typeof withTenant.getTenantId === 'function') return withTenant.getTenantId();
  if (typeof withTenant.getStringClaim === 'function')
    return (await withTenant.getStringClaim('res_tenant')) ?? undefined;
  return undefined;
}

/**
 * Builds the SDK authentication provider: an `~/.oci/config` profile (default; a session-token profile is
 * detected), `security_token` (a session-token profile, required), instance principals (on an OCI
 * VM), resource principals (Functions, Data Science), or OKE workload identity (a pod of an enhanced cluster).
 */
export async function resolveIdentity(options: AuthOptions = {}): Promise<OciIdentity> {
  const method = options.method ?? 'config';
  try {
    const provider = await build(options);
    return {
      provider,
      method,
      tenancyId:
        method === 'config' || method === 'security_token'
          ? await tenancyOf(provider)
          : await tenancyOf(provider).catch(() => undefined),
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const hint =
      method === 'config' || method === 'security_token'
        ? `profile ${options.profile ?? 'DEFAULT'} in ${options.configFile ?? '~/.oci/config'}`
        : `${method} (is okemesh running where that principal exists?)`;
    throw new OciNetworkError('OCI_AUTH_FAILED', `cannot authenticate with ${hint}: ${detail}`, {
      cause: error,
    });
  }
}
