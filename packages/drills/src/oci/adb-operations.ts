import type { AuthenticationDetailsProvider } from 'oci-common';
import type { DatabaseClient } from 'oci-database';
import { sleep } from '../clock.js';
import { DrillError } from '../errors.js';
import type { AdbOperations, AdbRole } from '../runner/ports.js';
import { adbRegion } from './adb-region.js';

export interface OciAdbOptions {
  /** ~/.oci/config profile (default DEFAULT); ignored when `provider` is given. */
  readonly profile?: string;
  readonly configFile?: string;
  readonly provider?: AuthenticationDetailsProvider;
  /**
   * Endpoint override, e.g. a fake: `http://127.0.0.1:8080/{region}` (`{region}` is replaced; the SDK appends
   * the API version). Default: the real regional endpoints.
   */
  readonly endpoint?: string;
  /** Region of a database whose OCID does not tell it (database OCID → region id). */
  readonly regions?: Readonly<Record<string, string>>;
  /** Poll interval while waiting for a role change. */
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
 * Autonomous Data Guard switchover/failover through oci-database (imported lazily), one client per region: the
 * role change is sent to the region of the database that becomes primary (the standby's region), naming its
 * cross-region peer (`peerDbId`), as OCI requires; each database is read back in its own region.
 */
export async function ociAdbOperations(options: OciAdbOptions = {}): Promise<AdbOperations> {
  const [common, database] = await Promise.all([import('oci-common'), import('oci-database')]);
  const provider =
    options.provider ??
    new common.ConfigFileAuthenticationDetailsProvider(options.configFile, options.profile);
  const clients = new Map<string, DatabaseClient>();
  const clientFor = (databaseId: string): DatabaseClient => {
    const region = adbRegion(
      databaseId,
      (code) => common.Region.getRegionIdFromShortCode(code),
      options.regions,
    );
    let client = clients.get(region);
    if (!client) {
      client = new database.DatabaseClient({ authenticationDetailsProvider: provider });
      if (options.endpoint) client.endpoint = options.endpoint.replaceAll('{region}', region);
      else client.regionId = region;
      clients.set(region, client);
    }
    return client;
  };
  const dry = options.dryRun ? { opcDryRun: true } : {};
  const { LifecycleState, Role } = database.models.AutonomousDatabase;
  const settled: Record<AdbRole, readonly string[]> = {
    PRIMARY: [LifecycleState.Available],
    STANDBY: [LifecycleState.Standby, LifecycleState.Available],
  };
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
    async waitForRole(databaseId, role) {
      if (options.dryRun) return;
      const deadline = Date.now() + (options.waitTimeoutMs ?? 30 * 60_000);
      const want = role === 'PRIMARY' ? Role.Primary : Role.Standby;
      for (;;) {
        let state: string | undefined;
        let current: string | undefined;
        try {
          const { autonomousDatabase } = await clientFor(databaseId).getAutonomousDatabase({
            autonomousDatabaseId: databaseId,
          });
          state = autonomousDatabase.lifecycleState;
          current = autonomousDatabase.role;
        } catch (error) {
          throw failed('wait', error);
        }
        if (current === want && state !== undefined && settled[role].includes(state)) return;
        if (Date.now() > deadline)
          throw failed('wait', `${databaseId} is ${current ?? 'no role'}/${state ?? '?'}, not ${role}`);
        await sleep(options.pollMs ?? 10_000);
      }
    },
  };
}
