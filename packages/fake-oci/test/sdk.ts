import { ociApiKey } from '@okemesh/test-support';
import * as common from 'oci-common';
import * as core from 'oci-core';
import * as dns from 'oci-dns';
import * as healthchecks from 'oci-healthchecks';
import * as identity from 'oci-identity';
import * as containerengine from 'oci-containerengine';

/** A throw-away API signing key pair, generated per test run; the fake trusts only its public half. */
export function testKeyPair() {
  const { privateKeyPem, publicKeyPem } = ociApiKey();
  const tenancy = 'ocid1.tenancy.oc1..faketenancy';
  const user = 'ocid1.user.oc1..fakeuser';
  const fingerprint = '12:34:56:78:90:ab:cd:ef:12:34:56:78:90:ab:cd:ef';
  return {
    keyId: `${tenancy}/${user}/${fingerprint}`,
    publicKeyPem,
    privateKeyPem,
    provider: new common.SimpleAuthenticationDetailsProvider(
      tenancy,
      user,
      fingerprint,
      privateKeyPem,
      null,
      common.Region.US_ASHBURN_1,
    ),
  };
}

const noRetry = { retryConfiguration: { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) } };

/** Real SDK clients pointed at the fake for one region. */
export function clientsFor(provider: common.AuthenticationDetailsProvider, endpoint: string) {
  const network = new core.VirtualNetworkClient({ authenticationDetailsProvider: provider }, noRetry);
  const dnsClient = new dns.DnsClient({ authenticationDetailsProvider: provider }, noRetry);
  const monitors = new healthchecks.HealthChecksClient({ authenticationDetailsProvider: provider }, noRetry);
  const iam = new identity.IdentityClient({ authenticationDetailsProvider: provider }, noRetry);
  const oke = new containerengine.ContainerEngineClient({ authenticationDetailsProvider: provider }, noRetry);
  for (const client of [network, dnsClient, monitors, iam, oke]) client.endpoint = endpoint;
  return { network, dns: dnsClient, monitors, iam, oke };
}
