import { readFile, stat } from 'node:fs/promises';
import { DrillError } from '../errors.js';

export interface SecretSource {
  readonly passwordEnv?: string | undefined;
  readonly passwordFile?: string | undefined;
}

/**
 * The database password: from `passwordFile` (must not be readable by group/others) or the `passwordEnv`
 * variable; `undefined` when neither is set (drivers then use their own defaults, e.g. PGPASSWORD/.pgpass).
 * The value is only ever handed to the driver: never logged, journaled or reported.
 */
export async function readPassword(
  source: SecretSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (source.passwordFile) {
    const info = await stat(source.passwordFile).catch((cause: unknown) => {
      throw new DrillError('DRILL_CREDENTIALS', `cannot read password file ${source.passwordFile}`, {
        cause,
      });
    });
    if ((info.mode & 0o077) !== 0)
      throw new DrillError(
        'DRILL_CREDENTIALS',
        `password file ${source.passwordFile} is readable by others (mode ${(info.mode & 0o777).toString(8)}): chmod 600 it`,
      );
    return (await readFile(source.passwordFile, 'utf8')).replace(/\r?\n$/, '');
  }
  if (source.passwordEnv) {
    const value = env[source.passwordEnv];
    if (value === undefined || value === '')
      throw new DrillError('DRILL_CREDENTIALS', `environment variable ${source.passwordEnv} is not set`);
    return value;
  }
  return undefined;
}
