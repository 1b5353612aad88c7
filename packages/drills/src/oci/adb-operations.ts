import type { AuthenticationDetailsProvider } from 'oci-common';
import { sleep } from '../clock.js';
import { DrillError } from '../errors.js';
import type { AdbOperations } from '../runner/ports.js';
import { ocidRegion } from './ocid-region.js';

export interface OciAdbOptions {
  /** ~/.oci/config profile (default DEFAULT); ignored when `provider` is given. */
  readonly profile?: string;
  readonly configFile?: string;
  readonly provider?: AuthenticationDetailsProvider;
  /** Override the regional endpoint (tests point it at a local fake). */
  readonly endpoint?: string;
  /** Per-region endpoint overrides, by region identifier (tests: one local fake per region). */
  readonly endpoints?: Readonly<Record<string, string>>;
  /** Poll interval while waiting for AVAILABLE. */
  readonly pollMs?: number;
  readonly waitTimeoutMs?: number;
  /** Send `opc-dry-run: true`: OCI validates the request and changes nothing. */
  readonly dryRun?: boolean;
}

function failed(action: string, cause: unknown): DrillError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new DrillError('DRILL_OCI_FAILED', `Autonomous Database ${action} failed: ${message}`, { cause });
}

/**
 * Autonomous Data Guard switchover/failover through oci-database (imported lazily). The call goes to the
 * database that becomes primary, naming its peer (`peerDbId`), as OCI requires for cross-region peers, and
 * in that database's region: one client per region, picked from the OCID.
 */
export async function ociAdbOperations(options: OciAdbOptions = {}): Promise<AdbOperations> {
  const [common, database] = await Promise.all([import('oci-common'), import('oci-database')]);
  const provider =
    options.provider ??
    new common.ConfigFileAuthenticationDetailsProvider(options.configFile, options.profile);
  const clients = new Map<string, InstanceType<typeof database.DatabaseClient>>();
  /** The client of the region the database lives in (a cross-region standby is only reachable there). */
  const clientFor = (databaseId: string) => {
    const region = ocidRegion(databaseId, (key) => common.Region.getRegionIdFromShortCode(key));
    let client = clients.get(region);
    if (!client) {
      client = new database.DatabaseClient({ authenticationDetailsProvider: provider });
      client.regionId = region;
      const endpoint = options.endpoints?.[region] ?? options.endpoint;
      if (endpoint) client.endpoint = endpoint;
      clients.set(region, client);
    }
    return client;
  };
  const dry = options.dryRun ? { opcDryRun: true } : {};
  return {
    async switchover(databaseId, peerDatabaseId) {
      try {
        await clientFor(databaseId).switchoverAutonomousDatabase({
          autonomousDatabaseId: databaseId,
          peerDbId: peerDatabaseId,
          ...dry,
        });
      } catch (error) {
        throw failed('switchover', error);
      }
    },
    async failover(databaseId, peerDatabaseId) {
      try {
        await clientFor(databaseId).failOverAutonomousDatabase({
          autonomousDatabaseId: databaseId,
          peerDbId: peerDatabaseId,
          ...dry,
        });
      } catch (error) {
        throw failed('failover', error);
      }
    },
    async waitAvailable(databaseId, role) {
      const deadline = Date.now() + (options.waitTimeoutMs ?? 30 * 60_000);
      for (;;) {
        const { autonomousDatabase } = await clientFor(databaseId).getAutonomousDatabase({
          autonomousDatabaseId: databaseId,
        });
        const available =
          autonomousDatabase.lifecycleState === database.models.AutonomousDatabase.LifecycleState.Available;
        // AVAILABLE alone is not done: the role flips after the state settles during a role change.
        if (available && (role === undefined || String(autonomousDatabase.role) === role)) return;
        if (Date.now() > deadline)
          throw failed(
            'wait',
            `${databaseId} still ${autonomousDatabase.lifecycleState}, role ${String(autonomousDatabase.role)}`,
          );
        await sleep(options.pollMs ?? 10_000);
      }
    },
  };
}
