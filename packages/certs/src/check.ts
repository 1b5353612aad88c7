// The cacerts checker alone, for the okemesh lint rule and the doctor.
export { checkCacerts } from './check-cacerts.js';
export type { CacertsCheckOptions, CacertsReport } from './check-cacerts.js';
export { CACERTS_FILES } from './bundle.js';
export type { BundleFiles } from './verify-bundle.js';
export type { Finding, FindingCode, Severity } from './findings.js';
