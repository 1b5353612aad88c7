import type { CertificateAuthority } from './authority.js';
import { joinPem } from './pem.js';
import { CertsError } from './errors.js';
import { PrivateKey } from './private-key.js';

/** The four keys istiod reads from `istio-system/cacerts`; the root key is never one of them. */
export const CACERTS_FILES = ['ca-cert.pem', 'ca-key.pem', 'root-cert.pem', 'cert-chain.pem'] as const;
export type CacertsFile = (typeof CACERTS_FILES)[number];

/** One cluster's plug-in CA bundle. The key is a {@link PrivateKey}, which redacts itself when printed. */
export interface CacertsBundle {
  readonly cluster: string;
  /** `ca-cert.pem`: the cluster's intermediate. */
  readonly caCert: string;
  /** `ca-key.pem`: the intermediate's key. */
  readonly caKey: PrivateKey;
  /** `root-cert.pem`: the root(s) to trust; two during a root rotation. */
  readonly rootCerts: string;
  /** `cert-chain.pem`: intermediate followed by the root that signed it. */
  readonly certChain: string;
}

/**
 * Assembles a bundle. `trustedRoots` is what goes into `root-cert.pem` (the issuing root first in normal
 * operation; old and new during a rotation); `issuingRootPem` is the root that signed the intermediate.
 */
export function cacertsBundle(
  cluster: string,
  intermediate: CertificateAuthority,
  issuingRootPem: string,
  trustedRoots: readonly string[] = [issuingRootPem],
): CacertsBundle {
  return {
    cluster,
    caCert: joinPem([intermediate.certPem]),
    caKey: intermediate.key,
    rootCerts: joinPem(trustedRoots),
    certChain: joinPem([intermediate.certPem, issuingRootPem]),
  };
}

/** The bundle as file name to file text; the only place a bundle's key leaves its wrapper. */
export function cacertsFiles(bundle: CacertsBundle): Record<CacertsFile, string> {
  return {
    'ca-cert.pem': bundle.caCert,
    'ca-key.pem': bundle.caKey.pem(),
    'root-cert.pem': bundle.rootCerts,
    'cert-chain.pem': bundle.certChain,
  };
}

/** Rebuilds a bundle from its four files (a store directory or a decoded Secret); the key is wrapped at once. */
export function bundleFromFiles(
  cluster: string,
  files: Readonly<Partial<Record<string, string>>>,
): CacertsBundle {
  const missing = CACERTS_FILES.filter((name) => files[name] === undefined);
  if (missing.length) {
    throw new CertsError('CERT_BUNDLE_INVALID', `the bundle of ${cluster} lacks ${missing.join(', ')}`);
  }
  return {
    cluster,
    caCert: files['ca-cert.pem'] ?? '',
    caKey: PrivateKey.fromPem(files['ca-key.pem'] ?? '', `${cluster}/ca-key.pem`),
    rootCerts: files['root-cert.pem'] ?? '',
    certChain: files['cert-chain.pem'] ?? '',
  };
}
