/** The part of `oracledb` (thin mode: pure JavaScript, no Instant Client) the writer uses. */
export interface OracleConnectionConfig {
  readonly user: string;
  readonly password?: string;
  readonly connectString: string;
  readonly connectTimeout: number;
  readonly configDir?: string;
  readonly walletLocation?: string;
  readonly walletPassword?: string;
}

export interface OracleConnectionLike {
  execute(
    sql: string,
    binds?: Record<string, unknown> | unknown[],
    options?: { autoCommit?: boolean },
  ): Promise<{ rows?: unknown[][] }>;
  close(): Promise<void>;
  callTimeout?: number;
}

export interface OracleDriver {
  getConnection(config: OracleConnectionConfig): Promise<OracleConnectionLike>;
  /** true until `initOracleClient()` switches the driver to thick mode; the writer requires thin mode. */
  readonly thin: boolean;
}
