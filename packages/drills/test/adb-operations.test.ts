import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOci } from '@okemesh/fake-oci';
import { ociApiKey } from '@okemesh/test-support';
import { Region, SimpleAuthenticationDetailsProvider } from 'oci-common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adbRegion } from '../src/oci/adb-region.js';
import { ociAdbOperations } from '../src/oci/adb-operations.js';
import { Journal } from '../src/runner/journal.js';
import { injectFault } from '../src/runner/inject.js';
import { revertAll } from '../src/runner/revert.js';

const TENANCY = 'ocid1.tenancy.oc1..aaaatenancy';
const USER = 'ocid1.user.oc1..aaaauser';
const FINGERPRINT = '11:22:33';
const PRIMARY_REGION = 'us-sanjose-1';
const STANDBY_REGION = 'us-chicago-1';
let fake: FakeOci;
let provider: SimpleAuthenticationDetailsProvider;
let pair: { primaryId: string; standbyId: string };

beforeAll(async () => {
  const { privateKeyPem: privateKey, publicKeyPem: publicKey } = ociApiKey();
  fake = new FakeOci({ publicKeys: { [`${TENANCY}/${USER}/${FINGERPRINT}`]: publicKey }, stepMs: 15 });
  await fake.start();
  // The provider's own region is the PRIMARY's: a client that just uses it sends the role change to the wrong region.
  provider = new SimpleAuthenticationDetailsProvider(
    TENANCY,
    USER,
    FINGERPRINT,
    privateKey,
    null,
    Region.fromRegionId(PRIMARY_REGION),
  );
});
afterAll(async () => fake.stop());
beforeEach(() => {
  pair = fake.seedAdbPair({
    compartmentId: 'ocid1.compartment.oc1..c',
    primaryRegion: PRIMARY_REGION,
    standbyRegion: STANDBY_REGION,
  });
  fake.clearLog();
});

const view = (id: string) => fake.store.get(id, 'autonomousDatabase');
const adb = () => ociAdbOperations({ provider, endpoint: fake.endpoint, pollMs: 5 });

describe('Autonomous Data Guard role changes through oci-database against fake-oci', () => {
  it('switchover is sent to the standby region, naming the primary, and waits on role AND lifecycleState', async () => {
    const ops = await adb();
    await ops.switchover(pair.standbyId, pair.primaryId);
    const post = fake.requests.find((r) => r.method === 'POST');
    expect(post).toMatchObject({
      region: STANDBY_REGION,
      operation: 'SwitchoverAutonomousDatabase',
      status: 200,
    });
    // Right after the call nothing has settled; the fake flips the new primary's role before its lifecycleState
    // and the new standby's lifecycleState before its role, so waiting on either field alone returns too early.
    expect(view(pair.standbyId)).toMatchObject({ lifecycleState: 'ROLE_CHANGE_IN_PROGRESS' });
    await ops.waitForRole(pair.standbyId, 'PRIMARY');
    expect(view(pair.standbyId)).toMatchObject({ role: 'PRIMARY', lifecycleState: 'AVAILABLE' });
    await ops.waitForRole(pair.primaryId, 'STANDBY');
    expect(view(pair.primaryId)).toMatchObject({ role: 'STANDBY', lifecycleState: 'STANDBY' });
    const gets = fake.requests.filter((r) => r.operation === 'GetAutonomousDatabase');
    expect(new Set(gets.filter((g) => g.path.includes(pair.standbyId)).map((g) => g.region))).toEqual(
      new Set([STANDBY_REGION]),
    );
    expect(new Set(gets.filter((g) => g.path.includes(pair.primaryId)).map((g) => g.region))).toEqual(
      new Set([PRIMARY_REGION]),
    );
  });

  it('the fake rejects a role change sent to the primary region (what a single-region client does)', async () => {
    const wrong = await ociAdbOperations({
      provider,
      endpoint: fake.endpoint,
      regions: { [pair.standbyId]: PRIMARY_REGION },
    });
    await expect(wrong.switchover(pair.standbyId, pair.primaryId)).rejects.toMatchObject({
      code: 'DRILL_OCI_FAILED',
    });
    expect(fake.requests.at(-1)).toMatchObject({ region: PRIMARY_REGION, status: 404 });
    expect(view(pair.standbyId)).toMatchObject({ role: 'STANDBY' });
  });

  it('failover goes to the standby region; the old primary ends as a disabled standby', async () => {
    const ops = await adb();
    await ops.failover(pair.standbyId, pair.primaryId);
    expect(fake.requests.find((r) => r.method === 'POST')).toMatchObject({
      region: STANDBY_REGION,
      operation: 'FailOverAutonomousDatabase',
    });
    await ops.waitForRole(pair.standbyId, 'PRIMARY');
    expect(view(pair.standbyId)).toMatchObject({ role: 'PRIMARY', lifecycleState: 'AVAILABLE' });
  });

  it('opc-dry-run validates without changing roles; OCI errors are DRILL_OCI_FAILED', async () => {
    const dry = await ociAdbOperations({ provider, endpoint: fake.endpoint, dryRun: true });
    await dry.switchover(pair.standbyId, pair.primaryId);
    expect(view(pair.standbyId)).toMatchObject({ role: 'STANDBY', lifecycleState: 'STANDBY' });
    const ops = await adb();
    await expect(ops.switchover(pair.primaryId, pair.standbyId)).rejects.toMatchObject({
      name: 'DrillError',
      code: 'DRILL_OCI_FAILED',
    });
    expect(fake.requests.at(-1)).toMatchObject({ region: PRIMARY_REGION, status: 409 });
  });

  it('drill fault + revert: switchover to the standby, then switch back once both roles settled', async () => {
    const ops = await adb();
    const journal = await Journal.create(join(await mkdtemp(join(tmpdir(), 'okemesh-adb-')), 'j.json'), {
      drill: 'adb',
      scenario: 'database-failover',
      topology: 't',
      dryRun: false,
    });
    const ctx = {
      journal,
      deps: { apis: new Map(), adb: ops },
      dryRun: false,
      drillId: journal.id,
      serviceNamespaces: new Map<string, string>(),
      adb: { primary: pair.primaryId, standby: pair.standbyId },
    };
    await injectFault(ctx, 0, { type: 'adb-switchover', database: 'standby' });
    expect(view(pair.standbyId)).toMatchObject({ role: 'PRIMARY', lifecycleState: 'AVAILABLE' });
    expect(await revertAll(journal, ctx.deps)).toEqual([]);
    expect(view(pair.primaryId)).toMatchObject({ role: 'PRIMARY', lifecycleState: 'AVAILABLE' });
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.map((p) => [p.region, p.path.split('/')[2]])).toEqual([
      [STANDBY_REGION, pair.standbyId],
      [PRIMARY_REGION, pair.primaryId],
    ]);
  });
});

describe('region of an Autonomous Database', () => {
  it('comes from the OCID (region id or short code) or an explicit map, else a typed error', () => {
    const short = (code: string) => Region.getRegionIdFromShortCode(code);
    expect(adbRegion('ocid1.autonomousdatabase.oc1.us-chicago-1.abc', short)).toBe('us-chicago-1');
    expect(adbRegion('ocid1.autonomousdatabase.oc1.phx.abc', short)).toBe('us-phoenix-1');
    expect(
      adbRegion('ocid1.autonomousdatabase.oc1..abc', short, {
        'ocid1.autonomousdatabase.oc1..abc': 'eu-frankfurt-1',
      }),
    ).toBe('eu-frankfurt-1');
    expect(() => adbRegion('ocid1.autonomousdatabase.oc1..abc', short)).toThrow(
      expect.objectContaining({ code: 'DRILL_OCI_FAILED' }),
    );
  });
});
