import type { KubeApi } from '../kube/object.js';

/** Runs an argv (no shell) and resolves when it exits 0. Supplied by the CLI: the library never shells out. */
export type CommandRunner = (argv: readonly string[]) => Promise<void>;

/** Autonomous Database Data Guard operations (see `ociAdbOperations`). */
export interface AdbOperations {
  switchover(databaseId: string, peerDatabaseId: string): Promise<void>;
  failover(databaseId: string, peerDatabaseId: string): Promise<void>;
  /**
   * Resolves once the database is AVAILABLE again and, when given, has `role` (a role change in progress
   * blocks a switch back, and AVAILABLE can come before the role flips).
   */
  waitAvailable(databaseId: string, role?: 'PRIMARY' | 'STANDBY'): Promise<void>;
}

/** Everything a fault may touch, by cluster name. */
export interface FaultDeps {
  readonly apis: ReadonlyMap<string, KubeApi>;
  readonly commands?: CommandRunner;
  readonly adb?: AdbOperations;
}
