import type * as CertsModule from '@okemesh/certs';
import type { KeyType } from '@okemesh/certs';
import { KEY_TYPES } from '@okemesh/certs/defaults';
import type { LoadedTopology } from '@okemesh/topology';
import { Option } from 'commander';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

export const DEFAULT_STORE = 'okemesh-certs';
export const DEFAULT_PASSPHRASE_ENV = 'OKEMESH_ROOT_KEY_PASSPHRASE';

export interface StoreOptions {
  readonly dir: string;
  readonly passphraseEnv: string;
  readonly json?: boolean;
}

export const dirOption = () =>
  new Option('--dir <path>', 'certificate store: root/ and one directory per cluster').default(DEFAULT_STORE);

export const passphraseEnvOption = () =>
  new Option('--passphrase-env <VAR>', 'environment variable holding the root key passphrase').default(
    DEFAULT_PASSPHRASE_ENV,
  );

export const keyTypeOption = (what: string, fallback: KeyType) =>
  new Option('--key-type <type>', `${what} key type`).choices(KEY_TYPES).default(fallback);

export function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(days) || days < 1)
    throw new UsageError(`expected a whole number of days, got "${value}"`);
  return days;
}

export const daysOption = (fallback: number) =>
  new Option('--days <n>', 'validity in days').argParser(parseDays).default(fallback);

export function storeDir(io: Io, dir: string): string {
  return resolve(io.cwd, dir);
}

/** The passphrase from the named variable, or undefined when it is unset or empty. */
export function passphrase(io: Io, envName: string): string | undefined {
  const value = io.env[envName];
  return value === undefined || value === '' ? undefined : value;
}

/** The certs library, loaded on first use: X.509 support costs start-up time that --help should not pay. */
export type CertsLibrary = typeof CertsModule;
export const loadCerts = (): Promise<CertsLibrary> => import('@okemesh/certs');

/**
 * Runs a certs action with the library loaded. A CertsError reaches the CLI's one error translator; a
 * missing passphrase first gains the name of the variable this command reads it from.
 */
export async function certsAction<T>(
  options: { passphraseEnv?: string },
  action: (certs: CertsLibrary) => Promise<T>,
): Promise<T> {
  const certs = await loadCerts();
  try {
    return await action(certs);
  } catch (error) {
    if (certs.isCertsError(error) && error.code === 'CERT_PASSPHRASE_MISSING' && options.passphraseEnv)
      throw new certs.CertsError(error.code, `${error.message} (set ${options.passphraseEnv})`, {
        cause: error,
      });
    throw error;
  }
}

/** Cluster names a command applies to: `--cluster` (repeatable, checked against the topology) or `--all`. */
export function selectClusters(
  topology: LoadedTopology,
  cluster: readonly string[] | undefined,
  all: boolean | undefined,
): string[] {
  const known = topology.topology.spec.clusters.map((c) => c.name);
  if (all && cluster?.length) throw new UsageError('use either --cluster or --all, not both');
  if (all) return known;
  if (!cluster?.length) throw new UsageError('name the clusters: --cluster <name> (repeatable) or --all');
  const unknown = cluster.filter((c) => !known.includes(c));
  if (unknown.length)
    throw new UsageError(
      `${unknown.join(', ')} not in the topology ${topology.file} (clusters: ${known.join(', ')})`,
    );
  return [...new Set(cluster)];
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];
