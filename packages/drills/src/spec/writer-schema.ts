import { z } from 'zod';
import { duration } from './primitives.js';

/** Name of an environment variable (the only way a password reaches the writer besides a 0600 file). */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

const secret = {
  passwordEnv: envName.optional().describe('Environment variable holding the password'),
  passwordFile: z
    .string()
    .min(1)
    .optional()
    .describe('File holding the password (mode 0600); never copied into journals or reports'),
};

const postgresEndpoint = z.strictObject({
  host: z.string().min(1),
  port: z.int().min(1).max(65535).default(5432),
  database: z.string().min(1).default('postgres'),
  ssl: z.boolean().default(false).describe('TLS with certificate verification'),
});

const oracleEndpoint = z.strictObject({
  connectString: z
    .string()
    .min(1)
    .describe('Easy Connect string or TNS alias of the Autonomous Database (its own, per region)'),
});

const common = {
  rate: z.number().gt(0).max(1_000).default(20).describe('Writes per second; RPO resolves to 1/rate'),
  timeout: duration.default('1s'),
  clockError: duration
    .default('1ms')
    .describe(
      'Error of the writer clock on top of the measured commit latency (default: Date.now resolution)',
    ),
  user: z.string().min(1),
  ...secret,
};

export const postgresWriterSchema = z.strictObject({
  driver: z.literal('postgres'),
  primary: postgresEndpoint,
  standby: postgresEndpoint,
  ...common,
});

export const oracleWriterSchema = z.strictObject({
  driver: z.literal('oracle'),
  primary: oracleEndpoint,
  standby: oracleEndpoint,
  walletDir: z.string().min(1).optional().describe('Directory with ewallet.pem/tnsnames.ora (mTLS)'),
  walletPasswordEnv: envName.optional(),
  ...common,
});

export const writerSchema = z
  .discriminatedUnion('driver', [postgresWriterSchema, oracleWriterSchema])
  .describe(
    'RPO sequence writer: commits numbered rows to the primary into its own table, created and dropped by the drill',
  );

export type WriterSpec = z.infer<typeof writerSchema>;
export type WriterSpecInput = z.input<typeof writerSchema>;
export type PostgresWriterSpec = z.infer<typeof postgresWriterSchema>;
export type OracleWriterSpec = z.infer<typeof oracleWriterSchema>;
export type WriterEndpointName = 'primary' | 'standby';
