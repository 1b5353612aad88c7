export { CertsError, isCertsError } from './errors.js';
export type { CertsErrorCode } from './errors.js';
export { systemClock, addDays, daysBetween, DAY_MS } from './clock.js';
export type { Clock } from './clock.js';
export { KEY_TYPES, isKeyType, parseKeyType, generateKeyPair } from './key-type.js';
export type { KeyType } from './key-type.js';
export { PrivateKey, isEncryptedKeyPem, keyMatchesCertificate } from './private-key.js';
export {
  CA_DEFAULTS,
  CA_KEY_USAGE,
  ISTIOD_SAN,
  rootSubject,
  intermediateSubject,
  isClusterName,
} from './profile.js';
export { createRootCa, createIntermediateCa } from './authority.js';
export type { CertificateAuthority, RootOptions, IntermediateOptions } from './authority.js';
export { certificateBlocks, parseCertificates, parseCertificate, joinPem } from './pem.js';
export { CACERTS_FILES, cacertsBundle, cacertsFiles, bundleFromFiles } from './bundle.js';
export type { CacertsBundle, CacertsFile } from './bundle.js';
export { cacertsSecret, decodeSecretData, CACERTS_SECRET, ISTIO_NAMESPACE } from './secret.js';
export type { SecretObject } from './secret.js';
export { cacertsExternalSecret, ociVaultSecretStore, vaultSecretName } from './external-secret.js';
export type { ExternalSecretOptions, OciVaultStoreOptions, OciPrincipalType } from './external-secret.js';
export { caExtensions, keyUsageNames } from './extensions.js';
export type { CaExtensions } from './extensions.js';
export { finding, hasErrors, formatFinding } from './findings.js';
export type { Finding, FindingCode, Severity } from './findings.js';
export { verifyBundle } from './verify-bundle.js';
export { checkCacerts } from './check-cacerts.js';
export type { CacertsCheckOptions, CacertsReport } from './check-cacerts.js';
export type { BundleFiles, BundleContext, BundleReport } from './verify-bundle.js';
export { verifyMesh, verifyStore } from './verify-mesh.js';
export type { MeshInput, MeshReport, MeshRoot, VerifyStoreOptions } from './verify-mesh.js';
export { inspectPem, inspectPath } from './inspect.js';
export type { PemInfo, CertificateInfo, PrivateKeyInfo } from './inspect.js';
export {
  writeRoot,
  readRoot,
  writeBundle,
  readBundleFiles,
  listClusters,
  hasRoot,
  KEY_MODE,
  CERT_MODE,
  DIR_MODE,
} from './store.js';
export type { RootSlot, StoredRoot, WriteRootOptions, ReadRootOptions } from './store.js';
export { initRoot, issueIntermediates, loadSigningRoot } from './mesh-ca.js';
export type { CaSettings, InitRootOptions, IssueOptions, IssuedSummary } from './mesh-ca.js';
export { readRotation } from './rotation-state.js';
export type { RotationPhase, RotationState } from './rotation-state.js';
export { rootRotationPlan, startRootRotation, continueRootRotation, finishRootRotation } from './rotation.js';
export type { RotationStep } from './rotation.js';
export { installCacerts } from './install.js';
export type { CacertsKubeClient, InstallOptions, InstallResult } from './install.js';
export { cacertsManifests } from './manifests.js';
export type { CacertsManifestOptions, CacertsManifests } from './manifests.js';
