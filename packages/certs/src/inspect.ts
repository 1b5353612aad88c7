import { createPrivateKey, X509Certificate as NodeCertificate } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { daysBetween } from './clock.js';
import { CertsError } from './errors.js';
import { caExtensions, type CaExtensions } from './extensions.js';
import { keyTypeOf } from './key-type.js';
import { certificateBlocks } from './pem.js';
import { isEncryptedKeyPem } from './private-key.js';
import { X509Certificate } from './x509.js';

export interface CertificateInfo {
  readonly kind: 'certificate';
  readonly source: string;
  /** Position in its file (root-cert.pem may hold two roots, cert-chain.pem holds two certificates). */
  readonly index: number;
  readonly subject: string;
  readonly issuer: string;
  readonly serial: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly daysLeft: number;
  readonly selfSigned: boolean;
  /** `rsa-4096`, `ecdsa-p256`… or the raw algorithm when unsupported. */
  readonly keyType: string;
  readonly keyBits: number;
  readonly signatureAlgorithm: string;
  readonly extensions: CaExtensions;
  readonly fingerprintSha256: string;
}

/** What inspect says about a key file: its type, never its content. */
export interface PrivateKeyInfo {
  readonly kind: 'private-key';
  readonly source: string;
  readonly encrypted: boolean;
  readonly keyType?: string;
}

export type PemInfo = CertificateInfo | PrivateKeyInfo;

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384 };

function describeCertificate(pem: string, source: string, index: number, now: Date): CertificateInfo {
  const cert = new X509Certificate(pem);
  const node = new NodeCertificate(pem);
  const { asymmetricKeyType, asymmetricKeyDetails: details } = node.publicKey;
  const algorithm = cert.signatureAlgorithm as { name?: string; hash?: { name?: string } };
  const signature = [algorithm.name ?? 'unknown', algorithm.hash?.name].filter(Boolean).join(' ');
  return {
    kind: 'certificate',
    source,
    index,
    subject: cert.subject,
    issuer: cert.issuer,
    serial: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    daysLeft: daysBetween(now, cert.notAfter),
    selfSigned: node.checkIssued(node) && node.verify(node.publicKey),
    keyType: keyTypeOf(asymmetricKeyType, details) ?? asymmetricKeyType ?? 'unknown',
    keyBits: details?.modulusLength ?? CURVE_BITS[details?.namedCurve ?? ''] ?? 0,
    signatureAlgorithm: signature,
    extensions: caExtensions(cert),
    fingerprintSha256: node.fingerprint256,
  };
}

function describeKey(text: string, source: string): PrivateKeyInfo {
  if (isEncryptedKeyPem(text)) return { kind: 'private-key', source, encrypted: true };
  try {
    const key = createPrivateKey(text);
    const type = keyTypeOf(key.asymmetricKeyType, key.asymmetricKeyDetails) ?? key.asymmetricKeyType;
    return { kind: 'private-key', source, encrypted: false, ...(type !== undefined && { keyType: type }) };
  } catch {
    return { kind: 'private-key', source, encrypted: false };
  }
}

/** Describes every certificate and key of a PEM text. Pure; `now` gives days left. */
export function inspectPem(text: string, source: string, now: Date): PemInfo[] {
  const certs = certificateBlocks(text).map((pem, i) => describeCertificate(pem, source, i, now));
  const key = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) ? [describeKey(text, source)] : [];
  if (certs.length === 0 && key.length === 0)
    throw new CertsError('CERT_PARSE_FAILED', `${source} holds no PEM certificate or key`);
  return [...certs, ...key];
}

async function pemFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await pemFiles(path)));
    else if (entry.isFile() && entry.name.endsWith('.pem')) out.push(path);
  }
  return out.sort();
}

/** Inspects a PEM file, or every `.pem` under a directory (sources relative to it). */
export async function inspectPath(path: string, now: Date): Promise<PemInfo[]> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    throw new CertsError(
      'CERT_STORE_IO',
      `could not read ${path} (${(error as { code?: string }).code ?? 'error'})`,
      { cause: error },
    );
  }
  const files = isDir ? await pemFiles(path) : [path];
  const out: PemInfo[] = [];
  for (const file of files)
    out.push(...inspectPem(await readFile(file, 'utf8'), isDir ? relative(path, file) : file, now));
  return out;
}
