import type * as common from 'oci-common';
import * as containerengine from 'oci-containerengine';
import * as core from 'oci-core';
import * as dns from 'oci-dns';
import * as healthchecks from 'oci-healthchecks';
import * as identity from 'oci-identity';
import { retryConfiguration, type RetryOptions } from './retry-policy.js';

/** One region's SDK clients (OCI has no per-request region). */
export interface RegionClients {
  readonly region: string;
  readonly network: core.VirtualNetworkClient;
  readonly oke: containerengine.ContainerEngineClient;
  readonly dns: dns.DnsClient;
  readonly monitors: healthchecks.HealthChecksClient;
  readonly iam: identity.IdentityClient;
}

export interface ClientOptions {
  /**
   * Endpoint override for every service, e.g. a fake: `http://127.0.0.1:8080/{region}` (`{region}` is replaced;
   * the SDK appends the API version). Default: the real regional endpoints.
   */
  readonly endpoint?: string;
  readonly retry?: RetryOptions;
}

/** Builds per-region clients on demand and reuses them. */
export class ClientFactory {
  private readonly cache = new Map<string, RegionClients>();

  constructor(
    readonly provider: common.AuthenticationDetailsProvider,
    private readonly options: ClientOptions = {},
  ) {}

  for(region: string): RegionClients {
    const cached = this.cache.get(region);
    if (cached) return cached;
    const auth = { authenticationDetailsProvider: this.provider };
    const config = { retryConfiguration: retryConfiguration(this.options.retry) };
    const clients: RegionClients = {
      region,
      network: new core.VirtualNetworkClient(auth, config),
      oke: new containerengine.ContainerEngineClient(auth, config),
      dns: new dns.DnsClient(auth, config),
      monitors: new healthchecks.HealthChecksClient(auth, config),
      iam: new identity.IdentityClient(auth, config),
    };
    for (const client of [clients.network, clients.oke, clients.dns, clients.monitors, clients.iam]) {
      if (this.options.endpoint) client.endpoint = this.options.endpoint.replaceAll('{region}', region);
      else client.regionId = region;
    }
    this.cache.set(region, clients);
    return clients;
  }

  /** Stops the SDK's per-client circuit-breaker timers so the process can exit. */
  close(): void {
    for (const clients of this.cache.values()) {
      for (const client of [clients.network, clients.oke, clients.dns, clients.monitors, clients.iam])
        client.shutdownCircuitBreaker();
    }
    this.cache.clear();
  }
}
