import type { Finding } from './findings.js';
import { certificateBlocks } from './pem.js';
import {
  chainFinding,
  readable,
  verifyBundle,
  type BundleFiles,
  type BundleReport,
} from './verify-bundle.js';

export interface CacertsCheckOptions {
  /** Scope of the findings: the cluster name (default `cacerts`). */
  readonly cluster?: string;
  /** Time of the check: validity and days left are measured against it. */
  readonly now: Date;
  /** Warn when fewer days than this are left (default 30). */
  readonly warnDays?: number;
  /**
   * PEM of the mesh root(s), current first. Without them (a lone Secret in a manifest or a cluster), the roots
   * in the bundle's own root-cert.pem are taken as the mesh's.
   */
  readonly meshRoots?: readonly string[];
}

export interface CacertsReport extends BundleReport {
  /** SHA-256 fingerprint of the first root in root-cert.pem, when it could be read. */
  readonly rootFingerprint?: string;
  /** The intermediate's notAfter, when it could be read. */
  readonly intermediateNotAfter?: Date;
  /** Whole days from `now` to the intermediate's notAfter (negative once expired). */
  readonly daysLeft?: number;
}

/**
 * The one check of an Istio plug-in CA bundle (root-cert.pem, ca-cert.pem, ca-key.pem, cert-chain.pem), for
 * `certs verify`, the okemesh lint rule on cacerts Secrets and the doctor: files present, intermediate signed
 * by the (mesh) root, cert-chain.pem is ca-cert.pem plus that root, CA extensions, key matches certificate,
 * validity. Pure and synchronous: no I/O, time from `options.now`.
 */
export function checkCacerts(files: BundleFiles, options: CacertsCheckOptions): CacertsReport {
  const cluster = options.cluster ?? 'cacerts';
  const rootBlocks = files['root-cert.pem'] === undefined ? [] : certificateBlocks(files['root-cert.pem']);
  const ownRoots = rootBlocks.filter((pem) => readable(pem) !== undefined);
  const meshRoots = options.meshRoots ?? ownRoots;
  const report = verifyBundle(cluster, files, {
    now: options.now,
    meshRoots,
    ...(options.warnDays === undefined ? {} : { warnDays: options.warnDays }),
  });
  const findings: Finding[] = [...report.findings];
  const extra: { rootFingerprint?: string; intermediateNotAfter?: Date; daysLeft?: number } = {};
  const firstRoot = ownRoots[0] === undefined ? undefined : readable(ownRoots[0]);
  if (firstRoot) extra.rootFingerprint = firstRoot.fingerprint256;
  const caText = files['ca-cert.pem'];
  const [caBlock] = caText === undefined ? [] : certificateBlocks(caText);
  const intermediate = caBlock === undefined ? undefined : readable(caBlock);
  if (intermediate) {
    extra.intermediateNotAfter = new Date(intermediate.validTo);
    extra.daysLeft = Math.floor((Date.parse(intermediate.validTo) - options.now.getTime()) / 86_400_000);
  }
  // verifyBundle checks cert-chain.pem only against the mesh root that signed the intermediate; with none, the
  // chain must still be ca-cert.pem followed by a root the bundle trusts.
  const chain = files['cert-chain.pem'];
  if (intermediate && chain !== undefined && report.issuedBy === undefined) {
    const mismatch = chainFinding(cluster, chain, intermediate, ownRoots);
    if (mismatch) findings.push(mismatch);
  }
  return { ...report, findings, ...extra };
}
