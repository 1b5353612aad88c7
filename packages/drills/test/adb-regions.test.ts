import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimpleAuthenticationDetailsProvider } from 'oci-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociAdbOperations } from '../src/oci/adb-operations.js';

/** A cross-region Autonomous Data Guard pair: the standby in us-chicago-1, the primary in iad (short key). */
const STANDBY = 'ocid1.autonomousdatabase.oc1.us-chicago-1.standby';
const PRIMARY = 'ocid1.autonomousdatabase.oc1.iad.primary';

interface Region {
  readonly server: Server;
  readonly endpoint: string;
  readonly requests: string[];
  /** Successive GET answers per database id; the last one repeats. */
  readonly states: Map<string, { lifecycleState: string; role: string }[]>;
}

async function regionalFake(): Promise<Region> {
  const requests: string[] = [];
  const states = new Map<string, { lifecycleState: string; role: string }[]>();
  const server = createServer((req, res) => {
    req.resume();
    requests.push(`${req.method} ${req.url}`);
    const id = decodeURIComponent((req.url ?? '').split('/')[3]?.split('?')[0] ?? '');
    const script = states.get(id);
    if (!script) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'NotAuthorizedOrNotFound', message: `${id} is not in this region` }));
      return;
    }
    const state = (req.method === 'GET' && script.length > 1 ? script.shift() : script[0]) as {
      lifecycleState: string;
      role: string;
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id, ...state }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    states,
  };
}

function provider() {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return new SimpleAuthenticationDetailsProvider(
    'ocid1.tenancy.oc1..t',
    'ocid1.user.oc1..u',
    'aa:bb',
    privateKey,
    null,
  );
}

let chicago: Region;
let ashburn: Region;
beforeAll(async () => {
  [chicago, ashburn] = await Promise.all([regionalFake(), regionalFake()]);
});
afterAll(() => {
  chicago.server.close();
  ashburn.server.close();
});

describe('Autonomous Data Guard across regions: one client per region, role-aware wait', () => {
  it("switches over in the standby's region and polls each database in its own region", async () => {
    chicago.states.set(STANDBY, [
      { lifecycleState: 'ROLE_CHANGE_IN_PROGRESS', role: 'STANDBY' },
      { lifecycleState: 'AVAILABLE', role: 'STANDBY' },
      { lifecycleState: 'AVAILABLE', role: 'PRIMARY' },
    ]);
    ashburn.states.set(PRIMARY, [{ lifecycleState: 'AVAILABLE', role: 'STANDBY' }]);
    const adb = await ociAdbOperations({
      provider: provider(),
      endpoints: { 'us-chicago-1': chicago.endpoint, 'us-ashburn-1': ashburn.endpoint },
      pollMs: 1,
    });
    await adb.switchover(STANDBY, PRIMARY);
    expect(chicago.requests[0]).toMatch(
      /^POST \/20160918\/autonomousDatabases\/.+standby\/actions\/switchover\?peerDbId=/,
    );
    expect(ashburn.requests.filter((r) => r.startsWith('POST'))).toEqual([]);

    await adb.waitAvailable(STANDBY, 'PRIMARY');
    // AVAILABLE with the old role is not the end of the switchover: it waited for role PRIMARY.
    expect(chicago.requests.filter((r) => r.startsWith('GET'))).toHaveLength(3);
    await adb.waitAvailable(PRIMARY, 'STANDBY');
    expect(ashburn.requests.filter((r) => r.startsWith('GET'))).toHaveLength(1);
  });

  it('times out with both the state and the role in the message', async () => {
    chicago.states.set(STANDBY, [{ lifecycleState: 'AVAILABLE', role: 'STANDBY' }]);
    const adb = await ociAdbOperations({
      provider: provider(),
      endpoints: { 'us-chicago-1': chicago.endpoint },
      pollMs: 1,
      waitTimeoutMs: 0,
    });
    await expect(adb.waitAvailable(STANDBY, 'PRIMARY')).rejects.toMatchObject({
      code: 'DRILL_OCI_FAILED',
      message: expect.stringContaining('AVAILABLE, role STANDBY'),
    });
  });
});
