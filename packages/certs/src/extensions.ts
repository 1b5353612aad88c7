import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  type X509Certificate,
} from './x509.js';

/** The extensions a CA certificate is judged by, decoded. */
export interface CaExtensions {
  readonly basicConstraints?: {
    readonly ca: boolean;
    readonly pathLength?: number;
    readonly critical: boolean;
  };
  readonly keyUsage?: { readonly usages: readonly string[]; readonly critical: boolean };
  readonly subjectKeyId?: string;
  readonly authorityKeyId?: string;
  readonly dnsNames: readonly string[];
}

const USAGE_NAMES = Object.entries(KeyUsageFlags).filter(([, v]) => typeof v === 'number') as [
  string,
  number,
][];

export function keyUsageNames(flags: number): string[] {
  return USAGE_NAMES.filter(([, bit]) => (flags & bit) !== 0).map(([name]) => name);
}

export function caExtensions(cert: X509Certificate): CaExtensions {
  const bc = cert.getExtension(BasicConstraintsExtension);
  const ku = cert.getExtension(KeyUsagesExtension);
  const ski = cert.getExtension(SubjectKeyIdentifierExtension);
  const aki = cert.getExtension(AuthorityKeyIdentifierExtension);
  const san = cert.getExtension(SubjectAlternativeNameExtension);
  return {
    ...(bc && {
      basicConstraints: {
        ca: bc.ca,
        critical: bc.critical,
        ...(bc.pathLength !== undefined && { pathLength: bc.pathLength }),
      },
    }),
    ...(ku && { keyUsage: { usages: keyUsageNames(ku.usages), critical: ku.critical } }),
    ...(ski && { subjectKeyId: ski.keyId }),
    ...(aki?.keyId !== undefined && { authorityKeyId: aki.keyId }),
    dnsNames: san ? san.names.items.filter((n) => n.type === 'dns').map((n) => n.value) : [],
  };
}
