import { createHash, createSign } from 'node:crypto';
import { request } from 'node:http';
import type * as core from 'oci-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeOci } from '../src/index.js';
import { clientsFor, testKeyPair } from './sdk.js';

const keys = testKeyPair();
const fake = new FakeOci({ publicKeys: { [keys.keyId]: keys.publicKeyPem }, homeRegion: 'us-ashburn-1' });
const compartmentId = 'ocid1.compartment.oc1..test';
const region = 'us-sanjose-1';
let c: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  await fake.start();
  c = clientsFor(keys.provider, fake.endpointFor(region));
});
afterAll(() => fake.stop());
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const seeded = () =>
  fake.seedCluster({
    region,
    compartmentId,
    name: 'c1',
    vcnCidr: '10.5.0.0/16',
    cniType: 'OCI_VCN_IP_NATIVE',
  });

async function updateIngress(rules: core.models.IngressSecurityRule[]) {
  const { securityListIds } = seeded();
  const current = await c.network.getSecurityList({ securityListId: securityListIds.loadBalancers });
  return c.network.updateSecurityList({
    securityListId: securityListIds.loadBalancers,
    updateSecurityListDetails: { ingressSecurityRules: rules },
    ifMatch: current.etag ?? '',
  });
}

const tcp = (min: number, max: number): core.models.IngressSecurityRule => ({
  source: '10.6.0.0/16',
  protocol: '6',
  tcpOptions: { destinationPortRange: { min, max } },
});

describe('fake OCI accepts what OKE quick-create leaves: SERVICE_CIDR_BLOCK routes', () => {
  it('seeds the private route table with the Services Network route and accepts it back unchanged', async () => {
    const { routeTableIds } = seeded();
    const rt = await c.network.getRouteTable({ rtId: routeTableIds.private });
    const services = rt.routeTable.routeRules.find((r) => r.destinationType === 'SERVICE_CIDR_BLOCK');
    expect(services).toMatchObject({
      destination: 'all-sjc-services-in-oracle-services-network',
      networkEntityId: expect.stringMatching(/^ocid1\.servicegateway\./),
    });
    await expect(
      c.network.updateRouteTable({
        rtId: routeTableIds.private,
        updateRouteTableDetails: { routeRules: rt.routeTable.routeRules },
        ifMatch: rt.etag ?? '',
      }),
    ).resolves.toBeDefined();
  });

  it('rejects a SERVICE_CIDR_BLOCK route that targets a NAT gateway', async () => {
    const { routeTableIds } = seeded();
    const rt = await c.network.getRouteTable({ rtId: routeTableIds.private });
    const nat = rt.routeTable.routeRules.find((r) => r.destination === '0.0.0.0/0')?.networkEntityId ?? '';
    await expect(
      c.network.updateRouteTable({
        rtId: routeTableIds.private,
        updateRouteTableDetails: {
          routeRules: [
            {
              destination: 'all-sjc-services-in-oracle-services-network',
              destinationType: 'SERVICE_CIDR_BLOCK' as core.models.RouteRule.DestinationType,
              networkEntityId: nat,
            },
          ],
        },
        ifMatch: rt.etag ?? '',
      }),
    ).rejects.toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
  });
});

describe('fake OCI rejects security rules OCI rejects', () => {
  it('accepts a numeric protocol with matching tcpOptions', async () => {
    await expect(updateIngress([tcp(15443, 15443)])).resolves.toBeDefined();
  });

  it.each([
    ['a protocol name', { source: '10.6.0.0/16', protocol: 'TCP' }],
    ['a lowercase protocol name', { source: '10.6.0.0/16', protocol: 'tcp' }],
    [
      'tcpOptions on a UDP rule',
      { source: '10.6.0.0/16', protocol: '17', tcpOptions: { destinationPortRange: { min: 53, max: 53 } } },
    ],
    ['tcpOptions on an all-protocols rule', { source: '10.6.0.0/16', protocol: 'all', tcpOptions: {} }],
    ['port 0', tcp(0, 10)],
    ['port 65536', tcp(1, 65536)],
    ['min above max', tcp(15443, 15021)],
  ] as [string, core.models.IngressSecurityRule][])('%s → 400 InvalidParameter', async (_what, rule) => {
    await expect(updateIngress([rule])).rejects.toMatchObject({
      statusCode: 400,
      serviceCode: 'InvalidParameter',
    });
  });
});

describe('fake OCI signature: a body must have content-type signed', () => {
  /** A POST signed by hand, like the SDK does, but over the given headers only. */
  function signedPost(signedHeaders: readonly string[]): Promise<number> {
    const url = new URL(fake.endpointFor(region));
    const path = `${url.pathname}/20160918/drgs`;
    const body = JSON.stringify({ compartmentId, displayName: 'manual' });
    const headers: Record<string, string> = {
      host: url.host,
      date: new Date().toUTCString(),
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-content-sha256': createHash('sha256').update(body).digest('base64'),
    };
    const lines = signedHeaders.map((h) =>
      h === '(request-target)' ? `${h}: post ${path}` : `${h}: ${headers[h] ?? ''}`,
    );
    const signature = createSign('RSA-SHA256').update(lines.join('\n')).sign(keys.privateKeyPem, 'base64');
    headers.authorization = `Signature version="1",keyId="${keys.keyId}",algorithm="rsa-sha256",headers="${signedHeaders.join(' ')}",signature="${signature}"`;
    return new Promise((resolve, reject) => {
      request({ host: url.hostname, port: url.port, path, method: 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end(body);
    });
  }

  it('401 when content-type is not among the signed headers, accepted when it is', async () => {
    const base = ['date', '(request-target)', 'host', 'content-length', 'x-content-sha256'];
    expect(await signedPost(base)).toBe(401);
    expect(await signedPost([...base, 'content-type'])).toBe(200);
  });
});
