import type { webcrypto } from 'node:crypto';
import { addDays } from './clock.js';
import { CertsError } from './errors.js';
import { generateKeyPair, keyTypeSpec, type KeyType } from './key-type.js';
import { PrivateKey } from './private-key.js';
import {
  CA_DEFAULTS,
  CA_KEY_USAGE,
  intermediateSubject,
  isClusterName,
  ISTIOD_SAN,
  rootSubject,
} from './profile.js';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
  X509CertificateGenerator,
  type Extension,
} from './x509.js';

/** A CA certificate with its private key. The key redacts itself when printed. */
export interface CertificateAuthority {
  readonly certificate: X509Certificate;
  readonly certPem: string;
  readonly key: PrivateKey;
}

interface CommonOptions {
  /** The moment of issue (inject a clock at the edges; nothing here reads the system time). */
  readonly now: Date;
  readonly keyType?: KeyType;
  readonly validityDays?: number;
  readonly organization?: string;
}

export type RootOptions = CommonOptions;

export interface IntermediateOptions extends CommonOptions {
  /** The Istio cluster ID; goes into `L=` of the subject. */
  readonly cluster: string;
  /** DNS SANs; defaults to `istiod.istio-system.svc`. */
  readonly dnsNames?: readonly string[];
}

/** A positive 128-bit serial number in hex (RFC 5280 allows up to 20 octets; it must be positive). */
function randomSerial(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

function validity(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    throw new CertsError(
      'CERT_INVALID_OPTIONS',
      `validity must be a whole number of days between 1 and 36500, got ${days}`,
    );
  }
  return {
    notBefore: new Date(now.getTime() - CA_DEFAULTS.backdateMinutes * 60_000),
    notAfter: addDays(now, days),
  };
}

/** SKI as the SHA-1 of the key (openssl's `hash`); AKI repeats the issuer's SKI when it has one. */
async function keyIdentifiers(
  subjectKey: webcrypto.CryptoKey,
  issuer: webcrypto.CryptoKey | X509Certificate,
): Promise<Extension[]> {
  const ski = await SubjectKeyIdentifierExtension.create(subjectKey);
  const issuerSki =
    issuer instanceof X509Certificate ? issuer.getExtension(SubjectKeyIdentifierExtension) : null;
  const aki = issuerSki
    ? new AuthorityKeyIdentifierExtension(issuerSki.keyId)
    : await AuthorityKeyIdentifierExtension.create(issuer);
  return [ski, aki];
}

/** A self-signed root CA: `O=Istio, CN=Root CA`, basicConstraints critical CA:true, keyUsage critical keyCertSign. */
export async function createRootCa(options: RootOptions): Promise<CertificateAuthority> {
  const keyType = options.keyType ?? CA_DEFAULTS.rootKeyType;
  const window = validity(options.now, options.validityDays ?? CA_DEFAULTS.rootValidityDays);
  const keys = await generateKeyPair(keyType);
  const certificate = await X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: rootSubject(options.organization ?? CA_DEFAULTS.organization),
    ...window,
    keys,
    signingAlgorithm: keyTypeSpec(keyType).sign,
    extensions: [
      new BasicConstraintsExtension(true, undefined, true),
      new KeyUsagesExtension(CA_KEY_USAGE, true),
      ...(await keyIdentifiers(keys.publicKey, keys.publicKey)),
    ],
  });
  return {
    certificate,
    certPem: certificate.toString('pem'),
    key: await PrivateKey.fromCryptoKey(keys.privateKey, keyType),
  };
}

/**
 * A cluster's intermediate CA signed by `root`: `O=Istio, CN=Intermediate CA, L=<cluster>`, basicConstraints
 * critical CA:true pathlen:0, keyUsage critical keyCertSign, SKI/AKI, SAN DNS:istiod.istio-system.svc.
 */
export async function createIntermediateCa(
  root: CertificateAuthority,
  options: IntermediateOptions,
): Promise<CertificateAuthority> {
  if (!isClusterName(options.cluster)) {
    throw new CertsError(
      'CERT_INVALID_OPTIONS',
      `cluster name "${options.cluster}" must be a DNS-1123 label other than "root"`,
    );
  }
  const keyType = options.keyType ?? CA_DEFAULTS.intermediateKeyType;
  const window = validity(options.now, options.validityDays ?? CA_DEFAULTS.intermediateValidityDays);
  if (window.notAfter > root.certificate.notAfter) {
    throw new CertsError(
      'CERT_INVALID_OPTIONS',
      `the intermediate for ${options.cluster} would outlive its root (root expires ${root.certificate.notAfter.toISOString()}); shorten --intermediate-days or rotate the root`,
    );
  }
  const keys = await generateKeyPair(keyType);
  const certificate = await X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: intermediateSubject(options.organization ?? CA_DEFAULTS.organization, options.cluster),
    issuer: root.certificate.subjectName,
    ...window,
    publicKey: keys.publicKey,
    signingKey: await root.key.signingKey(),
    signingAlgorithm: keyTypeSpec(root.key.type).sign,
    extensions: [
      new BasicConstraintsExtension(true, 0, true),
      new KeyUsagesExtension(CA_KEY_USAGE, true),
      ...(await keyIdentifiers(keys.publicKey, root.certificate)),
      new SubjectAlternativeNameExtension(
        (options.dnsNames ?? [ISTIOD_SAN]).map((value) => ({ type: 'dns' as const, value })),
      ),
    ],
  });
  return {
    certificate,
    certPem: certificate.toString('pem'),
    key: await PrivateKey.fromCryptoKey(keys.privateKey, keyType),
  };
}
