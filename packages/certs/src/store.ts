import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CertificateAuthority } from './authority.js';
import { cacertsFiles, CACERTS_FILES, type CacertsBundle } from './bundle.js';
import { CertsError } from './errors.js';
import { joinPem, parseCertificate } from './pem.js';
import { isEncryptedKeyPem, PrivateKey } from './private-key.js';
import { isClusterName } from './profile.js';
import type { BundleFiles } from './verify-bundle.js';

/** Where the current root lives, and the incoming one during a root rotation. */
export type RootSlot = 'root' | 'root.next';

export const ROOT_CERT_FILE = 'root-cert.pem';
export const ROOT_KEY_FILE = 'root-key.pem';
export const KEY_MODE = 0o600;
export const CERT_MODE = 0o644;
export const DIR_MODE = 0o700;

const isKeyFile = (name: string) => name.endsWith('key.pem');

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function ioError(action: string, path: string, error: unknown): CertsError {
  const code = (error as { code?: string }).code ?? 'error';
  return new CertsError('CERT_STORE_IO', `could not ${action} ${path} (${code})`, { cause: error });
}

/** Creates a directory (and parents) and forces it to 0700 whatever the umask. */
export async function ensureDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true, mode: DIR_MODE });
    await chmod(path, DIR_MODE);
  } catch (error) {
    throw ioError('create directory', path, error);
  }
}

/** Writes a file atomically (temp file in the same directory, then rename), with its mode set before rename. */
export async function writeStoreFile(path: string, text: string, mode: number): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { mode, flag: 'wx' });
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw ioError('write', path, error);
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw ioError('read', path, error);
  }
}

export interface WriteRootOptions {
  readonly slot?: RootSlot;
  /** Replace an existing root (orphans every intermediate it signed). */
  readonly force?: boolean;
  /** Encrypts the key as PKCS#8 (AES-256-CBC) when set. */
  readonly passphrase?: string;
}

export async function writeRoot(
  dir: string,
  root: CertificateAuthority,
  options: WriteRootOptions = {},
): Promise<void> {
  const slotDir = join(dir, options.slot ?? 'root');
  const certPath = join(slotDir, ROOT_CERT_FILE);
  const keyPath = join(slotDir, ROOT_KEY_FILE);
  if (!options.force && ((await exists(certPath)) || (await exists(keyPath)))) {
    throw new CertsError(
      'CERT_ROOT_EXISTS',
      `${slotDir} already holds a root CA; refusing to overwrite it (every cluster trusts it). Rotate it with okemesh certs rotate root, or replace it with okemesh certs init --force (the force option of writeRoot) and reissue every intermediate`,
    );
  }
  await ensureDir(dir);
  await ensureDir(slotDir);
  const keyPem =
    options.passphrase === undefined ? root.key.pem() : root.key.encryptedPem(options.passphrase);
  await writeStoreFile(keyPath, keyPem, KEY_MODE);
  await writeStoreFile(certPath, joinPem([root.certPem]), CERT_MODE);
}

export interface StoredRoot {
  readonly certPem: string;
  /** Present when the key was read (unencrypted, or decrypted with the passphrase). */
  readonly key?: PrivateKey;
  readonly encrypted: boolean;
}

export interface ReadRootOptions {
  readonly slot?: RootSlot;
  readonly passphrase?: string;
  /** Fail when the key cannot be read (issuing needs it; verifying does not). */
  readonly requireKey?: boolean;
}

export async function readRoot(dir: string, options: ReadRootOptions = {}): Promise<StoredRoot> {
  const slotDir = join(dir, options.slot ?? 'root');
  const certPath = join(slotDir, ROOT_CERT_FILE);
  if (!(await exists(certPath))) {
    throw new CertsError(
      'CERT_ROOT_MISSING',
      `${certPath} does not exist: run okemesh certs init --dir ${dir} first`,
    );
  }
  const certPem = await readText(certPath);
  parseCertificate(certPem, certPath);
  const keyPath = join(slotDir, ROOT_KEY_FILE);
  if (!(await exists(keyPath))) {
    if (options.requireKey)
      throw new CertsError(
        'CERT_ROOT_MISSING',
        `${keyPath} does not exist: the root key is needed to sign intermediates`,
      );
    return { certPem, encrypted: false };
  }
  const keyText = await readText(keyPath);
  const encrypted = isEncryptedKeyPem(keyText);
  if (encrypted && options.passphrase === undefined && !options.requireKey) return { certPem, encrypted };
  return { certPem, encrypted, key: PrivateKey.fromPem(keyText, keyPath, options.passphrase) };
}

/** Writes `<dir>/<cluster>/` with exactly the four cacerts files (key 0600, directory 0700). */
export async function writeBundle(dir: string, bundle: CacertsBundle): Promise<string> {
  const clusterDir = join(dir, bundle.cluster);
  await ensureDir(dir);
  await ensureDir(clusterDir);
  const files = cacertsFiles(bundle);
  for (const name of CACERTS_FILES) {
    await writeStoreFile(join(clusterDir, name), files[name], isKeyFile(name) ? KEY_MODE : CERT_MODE);
  }
  return clusterDir;
}

/** Every file of `<dir>/<cluster>/` as text (so verify also sees files that should not be there). */
export async function readBundleFiles(dir: string, cluster: string): Promise<BundleFiles> {
  const clusterDir = join(dir, cluster);
  let names: string[];
  try {
    names = (await readdir(clusterDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw new CertsError(
        'CERT_CLUSTER_MISSING',
        `${clusterDir} does not exist: run okemesh certs issue --cluster ${cluster}`,
      );
    }
    throw ioError('list', clusterDir, error);
  }
  const out: Record<string, string> = {};
  for (const name of names.filter((n) => n.endsWith('.pem')))
    out[name] = await readText(join(clusterDir, name));
  return out;
}

/** Cluster directories of a store (everything but the root slots and retired roots). */
export async function listClusters(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw ioError('list', dir, error);
  }
  return entries
    .filter((e) => e.isDirectory() && isClusterName(e.name))
    .map((e) => e.name)
    .sort();
}

export async function hasRoot(dir: string, slot: RootSlot = 'root'): Promise<boolean> {
  return exists(join(dir, slot, ROOT_CERT_FILE));
}

/** Ends a root rotation on disk: `root/` becomes `root.retired-<stamp>/`, `root.next/` becomes `root/`. */
export async function promoteNextRoot(dir: string, now: Date): Promise<string> {
  const retired = join(dir, `root.retired-${now.toISOString().replace(/[:.]/g, '-')}`);
  try {
    await rename(join(dir, 'root'), retired);
    await rename(join(dir, 'root.next'), join(dir, 'root'));
  } catch (error) {
    throw ioError('promote the next root in', dir, error);
  }
  return retired;
}
