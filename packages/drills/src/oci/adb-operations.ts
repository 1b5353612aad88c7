import type { AuthenticationDetailsProvider } from 'oci-common';
import { sleep } from '../clock.js';
import { DrillError } from '../errors.js';
import type { AdbOperations } from '../runner/ports.js';

export interface OciAdbOptions {
  /** ~/.oci/config profile (default DEFAULT); ignored when `provider` is given. */
  readonly profile?: string;
  readonly configFile?: string;
  readonly provider?: AuthenticationDetailsProvider;
  /** Override the regional endpoint (tests point it at a local fake). */
  readonly endpoint?: string;
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
 * database that becomes primary, naming its peer (`peerDbId`), as OCI requires for cross-region peers.
 */
export async function ociAdbOperations(options: OciAdbOptions = {}): Promise<AdbOperations> {
  const [common, database] = await Promise.all([import('oci-common'), import('oci-database')]);
  const provider =
    options.provider ??
    new common.ConfigFileAuthenticationDetailsProvider(options.configFile, options.profile);
  const client = new database.DatabaseClient({ authenticationDetailsProvider: provider });
  if (options.endpoint) client.endpoint = options.endpoint;
  const dry = options.dryRun ? { opcDryRun: true } : {};
  return {
    async switchover(databaseId, peerDatabaseId) {
      try {
        await client.switchoverAutonomousDatabase({
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
        await client.failOverAutonomousDatabase({
          autonomousDatabaseId: databaseId,
          peerDbId: peerDatabaseId,
          ...dry,
        });
      } catch (error) {
        throw failed('failover', error);
      }
    },
    async waitAvailable(databaseId) {
      const deadline = Date.now() + (options.waitTimeoutMs ?? 30 * 60_000);
      for (;;) {
        const { autonomousDatabase } = await client.getAutonomousDatabase({
          autonomousDatabaseId: databaseId,
        });
        if (autonomousDatabase.lifecycleState === database.models.AutonomousDatabase.LifecycleState.Available)
          return;
        if (Date.now() > deadline)
          throw failed('wait', `${databaseId} still ${autonomousDatabase.lifecycleState}`);
        await sleep(options.pollMs ?? 10_000);
      }
    },
  };
}
