import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimpleAuthenticationDetailsProvider } from 'oci-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociAdbOperations } from '../src/oci/adb-operations.js';

const STANDBY = 'ocid1.autonomousdatabase.oc1.us-chicago-1.standby';
const PRIMARY = 'ocid1.autonomousdatabase.oc1.us-sanjose-1.primary';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly authorization: string;
  readonly dryRun: string | undefined;
}

let server: Server;
let endpoint: string;
const seen: Seen[] = [];
const lifecycle = ['ROLE_CHANGE_IN_PROGRESS', 'AVAILABLE'];

function record(req: IncomingMessage): void {
  seen.push({
    method: req.method ?? '',
    url: req.url ?? '',
    authorization: String(req.headers.authorization ?? ''),
    dryRun: req.headers['opc-dry-run'] as string | undefined,
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    record(req);
    req.resume();
    const id = decodeURIComponent((req.url ?? '').split('/')[3]?.split('?')[0] ?? '');
    if (
      req.url?.includes('/actions/switchover') &&
      req.url.includes(`peerDbId=${encodeURIComponent(PRIMARY)}`) &&
      req.method === 'POST'
    ) {
      res
        .writeHead(200, { 'content-type': 'application/json', 'opc-work-request-id': 'wr1' })
        .end(JSON.stringify({ id, lifecycleState: 'UPDATING' }));
      return;
    }
    if (req.method === 'GET' && id) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id, lifecycleState: lifecycle.shift() ?? 'AVAILABLE' }));
      return;
    }
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ code: 'InvalidParameter', message: `unexpected ${req.method} ${req.url}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

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

describe('Autonomous Database operations through oci-database against a local fake', () => {
  it('switches over on the database that becomes primary, naming its peer, signed', async () => {
    const adb = await ociAdbOperations({ provider: provider(), endpoint, pollMs: 5 });
    await adb.switchover(STANDBY, PRIMARY);
    const post = seen.find((s) => s.method === 'POST');
    expect(post?.url).toBe(
      `/20160918/autonomousDatabases/${encodeURIComponent(STANDBY)}/actions/switchover?peerDbId=${encodeURIComponent(PRIMARY)}`,
    );
    expect(post?.authorization).toMatch(
      /^Signature version="1",keyId="ocid1\.tenancy\.oc1\.\.t\/ocid1\.user\.oc1\.\.u\/aa:bb"/,
    );
    await adb.waitAvailable(STANDBY);
    expect(seen.filter((s) => s.method === 'GET')).toHaveLength(2);
  });

  it('sends opc-dry-run and reports OCI errors as DRILL_OCI_FAILED', async () => {
    const adb = await ociAdbOperations({ provider: provider(), endpoint, dryRun: true });
    await expect(adb.failover(STANDBY, PRIMARY)).rejects.toMatchObject({
      name: 'DrillError',
      code: 'DRILL_OCI_FAILED',
    });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', dryRun: 'true' });
    expect(seen.at(-1)?.url).toContain('/actions/failover');
  });
});
