/** The part of the `pg` driver the writer uses (structural, so tests can hand in `pg/lib/client.js`). */
export interface PgClientConfig {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password?: string;
  readonly ssl?: boolean;
  readonly connectionTimeoutMillis: number;
  readonly query_timeout: number;
  readonly application_name: string;
}

export interface PgClientLike {
  connect(): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface PgDriver {
  readonly Client: new (config: PgClientConfig) => PgClientLike;
}
