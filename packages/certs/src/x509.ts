// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API at load time.
// Importing the polyfill first, in this one module, keeps that ordering in a single place.
import 'reflect-metadata';

export {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
  X509CertificateGenerator,
} from '@peculiar/x509';
export type { Extension, JsonName } from '@peculiar/x509';
