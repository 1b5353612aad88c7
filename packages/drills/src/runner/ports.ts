import type { SqlConnector } from '../data/seq-database.js';
import type { KubeApi } from '../kube/object.js';

/** Runs an argv (no shell) and resolves when it exits 0. Supplied by the CLI: the library never shells out. */
export type CommandRunner = (argv: readonly string[]) => Promise<void>;

export type AdbRole = 'PRIMARY' | 'STANDBY';

/**
 * Autonomous Data Guard operations (see `ociAdbOperations`). `databaseId` is the database that becomes
 * primary; the call goes to ITS region, naming the peer in the other region.
 */
export interface AdbOperations {
  switchover(databaseId: string, peerDatabaseId: string): Promise<void>;
  failover(databaseId: string, peerDatabaseId: string): Promise<void>;
  /** Resolves once the database has `role` and has settled (AVAILABLE, or STANDBY for a standby). */
  waitForRole(databaseId: string, role: AdbRole): Promise<void>;
}

/** Everything a fault may touch, by cluster name. */
export interface FaultDeps {
  readonly apis: ReadonlyMap<string, KubeApi>;
  readonly commands?: CommandRunner;
  readonly adb?: AdbOperations;
  /** Opens the RPO writer's databases (default `sqlConnector()`: pg / oracledb imported on first use). */
  readonly sql?: SqlConnector;
}
