import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadTopologyFile, type Topology } from '@okemesh/topology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyNetwork,
  ClientFactory,
  discoverCluster,
  hasChanges,
  planNetwork,
  resolveIdentity,
} from '../src/index.js';

/*
 * Runs against a real tenancy. Read-only (plan + discovery) unless OKEMESH_LIVE_OCI_APPLY=1.
 *   OKEMESH_LIVE_OCI=1            turn the suite on
 *   OKEMESH_LIVE_TOPOLOGY=<file>  mesh.yaml describing real clusters (with their OCIDs)
 *   OKEMESH_LIVE_OCI_PROFILE      config profile (default DEFAULT); OCI_CONFIG_FILE overrides ~/.oci/config
 */
const env = process.env;
const configFile = env.OCI_CONFIG_FILE ?? join(homedir(), '.oci', 'config');
const skipReason =
  env.OKEMESH_LIVE_OCI !== '1'
    ? 'OKEMESH_LIVE_OCI is not 1'
    : !existsSync(configFile)
      ? `no OCI config file at ${configFile}`
      : !env.OKEMESH_LIVE_TOPOLOGY
        ? 'OKEMESH_LIVE_TOPOLOGY (a mesh.yaml of real clusters) is not set'
        : undefined;
if (skipReason) console.log(`[oci-network] live OCI suite skipped: ${skipReason}`);
const applyReason =
  env.OKEMESH_LIVE_OCI_APPLY === '1' ? undefined : 'OKEMESH_LIVE_OCI_APPLY is not 1 (plan-only)';
if (!skipReason && applyReason) console.log(`[oci-network] live apply test skipped: ${applyReason}`);

describe.skipIf(skipReason !== undefined)('live OCI tenancy', () => {
  let topology: Topology;
  let clients: ClientFactory;

  beforeAll(async () => {
    topology = (await loadTopologyFile(env.OKEMESH_LIVE_TOPOLOGY ?? '')).topology;
    const identity = await resolveIdentity({
      method: 'config',
      profile: env.OKEMESH_LIVE_OCI_PROFILE ?? 'DEFAULT',
      configFile,
    });
    clients = new ClientFactory(identity.provider);
  });
  afterAll(() => clients.close());

  it('discovers every cluster that has an OCID', { timeout: 120_000 }, async () => {
    for (const cluster of topology.spec.clusters.filter((c) => c.ocid)) {
      const found = await discoverCluster(clients.for(cluster.region), cluster.ocid ?? '');
      expect(found.vcnCidrs.length).toBeGreaterThan(0);
      expect(found.cniTypes.length).toBeGreaterThan(0);
    }
  });

  it('plans the network (read-only)', { timeout: 300_000 }, async () => {
    const plan = await planNetwork(topology, clients);
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(plan.changes.every((c) => c.reason.length > 0)).toBe(true);
  });

  it.skipIf(applyReason !== undefined)(
    'applies, then a re-apply has nothing to change',
    { timeout: 3_600_000 },
    async () => {
      await applyNetwork(topology, clients, { onProgress: (e) => console.log(`[${e.region}] ${e.message}`) });
      expect(hasChanges(await planNetwork(topology, clients))).toBe(false);
    },
  );
});
