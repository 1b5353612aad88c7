import { ociApiKey } from '@okemesh/test-support';
import * as common from 'oci-common';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeOci } from '../src/index.js';
import { clientsFor, testKeyPair } from './sdk.js';

const keys = testKeyPair();
const fake = new FakeOci({
  publicKeys: { [keys.keyId]: keys.publicKeyPem },
  stepMs: 30,
  pageSize: 2,
  homeRegion: 'us-ashburn-1',
});
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

describe('signature verification', () => {
  it('accepts the SDK signature and rejects a request signed with another key', async () => {
    await expect(c.network.listDrgs({ compartmentId })).resolves.toBeDefined();
    const { privateKeyPem: impostorKey } = ociApiKey('impostor');
    const [tenancy, user, fingerprint] = keys.keyId.split('/') as [string, string, string];
    const impostor = new common.SimpleAuthenticationDetailsProvider(
      tenancy,
      user,
      fingerprint,
      impostorKey,
      null,
      common.Region.US_ASHBURN_1,
    );
    const bad = clientsFor(impostor, fake.endpointFor(region));
    await expect(bad.network.listDrgs({ compartmentId })).rejects.toMatchObject({
      statusCode: 401,
      serviceCode: 'NotAuthenticated',
    });
    const last = fake.requests.at(-1);
    expect(last?.status).toBe(401);
  });

  it('rejects an unsigned request', async () => {
    const res = await fetch(`${fake.endpointFor(region)}/20160918/drgs?compartmentId=x`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'NotAuthenticated' });
  });
});

describe('lifecycle, pagination, errors', () => {
  it('paginates lists with opc-next-page', async () => {
    for (let i = 0; i < 3; i += 1)
      await c.network.createDrg({ createDrgDetails: { compartmentId: 'ocid1.compartment.oc1..pages' } });
    const first = await c.network.listDrgs({ compartmentId: 'ocid1.compartment.oc1..pages' });
    expect(first.items).toHaveLength(2);
    expect(first.opcNextPage).toBeDefined();
    const second = await c.network.listDrgs({
      compartmentId: 'ocid1.compartment.oc1..pages',
      page: first.opcNextPage ?? '',
    });
    expect(second.items).toHaveLength(1);
    expect(second.opcNextPage).toBeUndefined();
  });

  it('412 NoEtagMatch on a stale if-match; 404 for unknown ids', async () => {
    const seeded = fake.seedCluster({
      region,
      compartmentId,
      name: 'c1',
      vcnCidr: '10.5.0.0/16',
      cniType: 'OCI_VCN_IP_NATIVE',
    });
    const rt = await c.network.getRouteTable({ rtId: seeded.routeTableIds.private });
    await c.network.updateRouteTable({
      rtId: rt.routeTable.id,
      updateRouteTableDetails: { routeRules: rt.routeTable.routeRules },
      ifMatch: rt.etag ?? '',
    });
    await expect(
      c.network.updateRouteTable({
        rtId: rt.routeTable.id,
        updateRouteTableDetails: { routeRules: [] },
        ifMatch: rt.etag ?? '',
      }),
    ).rejects.toMatchObject({ statusCode: 412, serviceCode: 'NoEtagMatch' });
    await expect(c.network.getDrg({ drgId: 'ocid1.drg.oc1.us-sanjose-1.nope' })).rejects.toMatchObject({
      statusCode: 404,
      serviceCode: 'NotAuthorizedOrNotFound',
    });
  });

  it('replays a create for a repeated opc-retry-token and rejects its reuse for another request', async () => {
    const one = await c.network.createDrg({
      createDrgDetails: { compartmentId, displayName: 'x' },
      opcRetryToken: 'token-1',
    });
    const two = await c.network.createDrg({
      createDrgDetails: { compartmentId, displayName: 'x' },
      opcRetryToken: 'token-1',
    });
    expect(two.drg.id).toBe(one.drg.id);
    await expect(
      c.network.createDrg({
        createDrgDetails: { compartmentId, displayName: 'y' },
        opcRetryToken: 'token-1',
      }),
    ).rejects.toMatchObject({ statusCode: 409, serviceCode: 'InvalidatedRetryToken' });
  });

  it('injects 429 TooManyRequests that the SDK surfaces with the code its retrier keys on', async () => {
    fake.setFaults({ rate: 1, statuses: [429] });
    try {
      await expect(c.network.listDrgs({ compartmentId })).rejects.toMatchObject({
        statusCode: 429,
        serviceCode: 'TooManyRequests',
      });
    } finally {
      fake.setFaults({});
    }
  });

  it('rejects IAM writes outside the home region', async () => {
    const details = {
      compartmentId,
      name: 'p',
      description: 'd',
      statements: ['Allow group g to read drgs in tenancy'],
    };
    await expect(c.iam.createPolicy({ createPolicyDetails: details })).rejects.toMatchObject({
      statusCode: 403,
      serviceCode: 'NotAllowed',
    });
    const home = clientsFor(keys.provider, fake.endpointFor('us-ashburn-1'));
    await expect(
      home.iam.createPolicy({
        createPolicyDetails: {
          ...details,
          statements: ['ALLOW service OKEClusterA to manage load-balancers'],
        },
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await expect(home.iam.createPolicy({ createPolicyDetails: details })).resolves.toBeDefined();
  });
});

describe('lifecycle (hand-stepped clock)', () => {
  let now = Date.now();
  const timed = new FakeOci({
    publicKeys: { [keys.keyId]: keys.publicKeyPem },
    stepMs: 1000,
    clock: () => now,
  });
  let sj: ReturnType<typeof clientsFor>;
  let chi: ReturnType<typeof clientsFor>;
  beforeAll(async () => {
    await timed.start();
    sj = clientsFor(keys.provider, timed.endpointFor(region));
    chi = clientsFor(keys.provider, timed.endpointFor('us-chicago-1'));
  });
  afterAll(() => timed.stop());
  const step = () => {
    now += 1000;
  };

  it('walks DRG PROVISIONING → AVAILABLE and RPC NEW → PENDING → PEERED on its own', async () => {
    const { drg } = await sj.network.createDrg({ createDrgDetails: { compartmentId } });
    expect(drg.lifecycleState).toBe('PROVISIONING');
    step();
    expect((await sj.network.getDrg({ drgId: drg.id })).drg.lifecycleState).toBe('AVAILABLE');
    const { drg: drg2 } = await chi.network.createDrg({ createDrgDetails: { compartmentId } });
    await expect(
      sj.network.createRemotePeeringConnection({
        createRemotePeeringConnectionDetails: { compartmentId, drgId: drg2.id },
      }),
    ).rejects.toMatchObject({ statusCode: 404 });
    step();
    const a = (
      await sj.network.createRemotePeeringConnection({
        createRemotePeeringConnectionDetails: { compartmentId, drgId: drg.id },
      })
    ).remotePeeringConnection;
    const b = (
      await chi.network.createRemotePeeringConnection({
        createRemotePeeringConnectionDetails: { compartmentId, drgId: drg2.id },
      })
    ).remotePeeringConnection;
    const connect = () =>
      sj.network.connectRemotePeeringConnections({
        remotePeeringConnectionId: a.id,
        connectRemotePeeringConnectionsDetails: { peerId: b.id, peerRegionName: 'us-chicago-1' },
      });
    await expect(connect()).rejects.toMatchObject({ statusCode: 409, serviceCode: 'IncorrectState' });
    step();
    await connect();
    expect(
      (await sj.network.getRemotePeeringConnection({ remotePeeringConnectionId: a.id }))
        .remotePeeringConnection.peeringStatus,
    ).toBe('PENDING');
    await expect(connect()).rejects.toMatchObject({ statusCode: 409, serviceCode: 'Conflict' });
    step();
    step();
    expect(
      (await chi.network.getRemotePeeringConnection({ remotePeeringConnectionId: b.id }))
        .remotePeeringConnection.peeringStatus,
    ).toBe('PEERED');
    await sj.network.deleteRemotePeeringConnection({ remotePeeringConnectionId: a.id });
    expect(
      (await chi.network.getRemotePeeringConnection({ remotePeeringConnectionId: b.id }))
        .remotePeeringConnection.peeringStatus,
    ).toBe('REVOKED');
    expect(
      (await sj.network.getRemotePeeringConnection({ remotePeeringConnectionId: a.id }))
        .remotePeeringConnection.lifecycleState,
    ).toBe('TERMINATING');
    step();
    step();
    await expect(
      sj.network.getRemotePeeringConnection({ remotePeeringConnectionId: a.id }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('steering policies', () => {
  const zoneCompartment = 'ocid1.compartment.oc1..dns';
  const answers = [
    { name: 'a', rtype: 'A', rdata: '192.0.2.1', pool: 'primary' },
    { name: 'b', rtype: 'A', rdata: '192.0.2.2', pool: 'secondary' },
  ];
  const rules = [
    {
      ruleType: 'FILTER',
      defaultAnswerData: [{ answerCondition: 'answer.isDisabled != true', shouldKeep: true }],
    },
    { ruleType: 'PRIORITY', defaultAnswerData: [{ answerCondition: "answer.pool == 'primary'", value: 1 }] },
    { ruleType: 'LIMIT', defaultCount: 1 },
  ];
  const create = (body: Record<string, unknown>) =>
    c.dns.createSteeringPolicy({
      createSteeringPolicyDetails: {
        compartmentId: zoneCompartment,
        displayName: 'p',
        template: 'FAILOVER',
        ...body,
      } as never,
    });

  it('accepts a well-formed FAILOVER policy and attaches it once per domain', async () => {
    const zoneId = fake.seedZone({ name: 'example.org', compartmentId: zoneCompartment });
    const { steeringPolicy } = await create({ answers, rules });
    const attach = () =>
      c.dns.createSteeringPolicyAttachment({
        createSteeringPolicyAttachmentDetails: {
          steeringPolicyId: steeringPolicy.id,
          zoneId,
          domainName: 'www.example.org',
        },
      });
    await attach();
    await expect(attach()).rejects.toMatchObject({ statusCode: 409, serviceCode: 'Conflict' });
    await expect(
      c.dns.createSteeringPolicyAttachment({
        createSteeringPolicyAttachmentDetails: {
          steeringPolicyId: steeringPolicy.id,
          zoneId,
          domainName: 'www.example.net',
        },
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it.each([
    ['ruleType FAILOVER', { answers, rules: [{ ruleType: 'FAILOVER' }] }],
    ['answer.isHealthy', { answers: answers.map((a) => ({ ...a, isHealthy: true })), rules }],
    ['rtype MX', { answers: [{ name: 'a', rtype: 'MX', rdata: 'x' }], rules }],
    ['HEALTH without a monitor', { answers, rules: [rules[0], { ruleType: 'HEALTH' }, rules[1], rules[2]] }],
    ['LIMIT not last', { answers, rules: [rules[0], rules[2], rules[1]] }],
    [
      'unknown monitor',
      {
        answers,
        rules: [rules[0], { ruleType: 'HEALTH' }, rules[1], rules[2]],
        healthCheckMonitorId: 'ocid1.httpmonitor.nope',
      },
    ],
  ])('rejects a malformed policy: %s', async (_name, body) => {
    await expect(create(body)).rejects.toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
  });

  it('health monitors: validates interval and timeout', async () => {
    const details = {
      compartmentId,
      displayName: 'm',
      targets: ['192.0.2.1'],
      protocol: 'HTTPS',
      intervalInSeconds: 15,
    };
    await expect(
      c.monitors.createHttpMonitor({ createHttpMonitorDetails: details as never }),
    ).rejects.toMatchObject({ statusCode: 400 });
    const ok = await c.monitors.createHttpMonitor({
      createHttpMonitorDetails: { ...details, intervalInSeconds: 30 } as never,
    });
    expect(ok.httpMonitor.targets).toEqual(['192.0.2.1']);
  });
});

describe('Autonomous Database cross-region Data Guard', () => {
  it('lists peers with their regions and rejects role changes OCI would reject', async () => {
    const database = await import('oci-database');
    const { primaryId, standbyId } = fake.seedAdbPair({
      compartmentId,
      primaryRegion: region,
      standbyRegion: 'us-chicago-1',
    });
    const noRetry = {
      retryConfiguration: { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) },
    };
    const inRegion = (r: string) => {
      const client = new database.DatabaseClient({ authenticationDetailsProvider: keys.provider }, noRetry);
      client.endpoint = fake.endpointFor(r);
      return client;
    };
    const primaryClient = inRegion(region);
    const standbyClient = inRegion('us-chicago-1');
    const peers = await primaryClient.listAutonomousDatabasePeers({ autonomousDatabaseId: primaryId });
    expect(peers.autonomousDatabasePeerCollection.items).toEqual([{ id: standbyId, region: 'us-chicago-1' }]);
    // The standby does not exist in the primary's region.
    await expect(
      primaryClient.switchoverAutonomousDatabase({ autonomousDatabaseId: standbyId, peerDbId: primaryId }),
    ).rejects.toMatchObject({ statusCode: 404 });
    // Only the standby switches over, and only naming its peer.
    await expect(
      primaryClient.switchoverAutonomousDatabase({ autonomousDatabaseId: primaryId, peerDbId: standbyId }),
    ).rejects.toMatchObject({ statusCode: 409, serviceCode: 'IncorrectState' });
    await expect(
      standbyClient.switchoverAutonomousDatabase({ autonomousDatabaseId: standbyId }),
    ).rejects.toMatchObject({ statusCode: 400, serviceCode: 'MissingParameter' });
    const done = await standbyClient.switchoverAutonomousDatabase({
      autonomousDatabaseId: standbyId,
      peerDbId: primaryId,
    });
    expect(done.autonomousDatabase).toMatchObject({
      id: standbyId,
      lifecycleState: 'ROLE_CHANGE_IN_PROGRESS',
    });
    expect(fake.store.get(primaryId, 'autonomousDatabase').timeOfLastSwitchover).toEqual(expect.any(String));
    for (const client of [primaryClient, standbyClient]) client.shutdownCircuitBreaker();
  });
});
