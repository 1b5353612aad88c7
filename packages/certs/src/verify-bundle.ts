import { createHash, X509Certificate as NodeCertificate } from 'node:crypto';
import { CACERTS_FILES } from './bundle.js';
import { checkCaExtensions, checkKeyIdentifiers, checkValidity, type CheckContext } from './check-ca.js';
import { isCertsError } from './errors.js';
import { finding, type Finding } from './findings.js';
import { certificateBlocks, parseCertificate, parseCertificates } from './pem.js';
import { keyMatchesCertificate, PrivateKey } from './private-key.js';
import type { X509Certificate } from './x509.js';

/** A cluster's cacerts files as text (from its store directory, or decoded from a Secret). */
export type BundleFiles = Readonly<Partial<Record<string, string>>>;

export interface BundleContext extends CheckContext {
  /** PEM of the mesh's root(s): the current root, plus the incoming one during a root rotation. */
  readonly meshRoots: readonly string[];
}

export interface BundleReport {
  readonly cluster: string;
  readonly findings: readonly Finding[];
  /** SHA-256 fingerprint of the intermediate, when it could be read. */
  readonly intermediateFingerprint?: string;
  /** SHA-256 fingerprint of the mesh root that signed it, when one did. */
  readonly issuedBy?: string;
  /** Hex SHA-256 of the intermediate's public key (duplicate keys across clusters are an error). */
  readonly publicKeyId?: string;
}

const fingerprint = (pem: string) => new NodeCertificate(pem).fingerprint256;

/** The certificate in `pem`, or undefined when it cannot be read. */
export function readable(pem: string): NodeCertificate | undefined {
  try {
    return new NodeCertificate(pem);
  } catch {
    return undefined;
  }
}

/**
 * cert-chain.pem must be exactly ca-cert.pem followed by one of `roots` (the root that signed it); a
 * `chain-mismatch` finding otherwise, including when a block cannot be read.
 */
export function chainFinding(
  cluster: string,
  chain: string,
  intermediate: NodeCertificate,
  roots: readonly string[],
): Finding | undefined {
  const [first, second, ...rest] = certificateBlocks(chain).map(readable);
  const ok =
    rest.length === 0 &&
    first?.raw.equals(intermediate.raw) === true &&
    second !== undefined &&
    roots.some((pem) => readable(pem)?.raw.equals(second.raw));
  return ok
    ? undefined
    : finding(
        'error',
        'chain-mismatch',
        cluster,
        'cert-chain.pem is not ca-cert.pem followed by the root that signed it',
        `okemesh certs issue --cluster ${cluster}`,
      );
}

function unreadable(scope: string, error: unknown): Finding {
  const message = isCertsError(error) ? error.message : 'could not be read';
  return finding('error', 'unreadable', scope, message);
}

function fileFindings(cluster: string, files: BundleFiles): Finding[] {
  const out: Finding[] = [];
  for (const name of CACERTS_FILES) {
    if (files[name] === undefined)
      out.push(
        finding(
          'error',
          'missing-file',
          cluster,
          `${name} is missing: istiod needs all four of ${CACERTS_FILES.join(', ')} (since Istio 1.27 a partial set stops istiod)`,
        ),
      );
  }
  for (const name of Object.keys(files)) {
    if ((CACERTS_FILES as readonly string[]).includes(name)) continue;
    const holdsKey = (files[name] ?? '').includes('PRIVATE KEY');
    out.push(
      holdsKey
        ? finding(
            'error',
            'unexpected-file',
            cluster,
            `${name} holds a private key other than the intermediate's: the root key must never reach a cluster`,
            `delete ${name}`,
          )
        : finding('warning', 'unexpected-file', cluster, `${name} is not a cacerts key; istiod ignores it`),
    );
  }
  return out;
}

/** Trusted roots in root-cert.pem must be exactly mesh roots, and include the current one. */
function rootSetFindings(
  cluster: string,
  trusted: readonly string[],
  meshRoots: readonly string[],
): Finding[] {
  const mesh = new Set(meshRoots.map(fingerprint));
  const have = trusted.map(fingerprint);
  const out: Finding[] = [];
  const foreign = have.filter((fp) => !mesh.has(fp));
  if (foreign.length)
    out.push(
      finding(
        'error',
        'root-mismatch',
        cluster,
        `root-cert.pem trusts ${foreign.length} root(s) that are not this mesh's (${foreign.join(', ')})`,
        `okemesh certs issue --cluster ${cluster}`,
      ),
    );
  const current = meshRoots[0];
  if (current !== undefined && !have.includes(fingerprint(current))) {
    out.push(
      finding(
        'error',
        'root-mismatch',
        cluster,
        `root-cert.pem does not contain the mesh root ${fingerprint(current)}: this cluster would not trust the others`,
        `okemesh certs issue --cluster ${cluster}`,
      ),
    );
  }
  return out;
}

function findIssuer(intermediate: NodeCertificate, candidates: readonly string[]): string | undefined {
  return candidates.find((pem) => {
    const root = new NodeCertificate(pem);
    return intermediate.checkIssued(root) && intermediate.verify(root.publicKey);
  });
}

/**
 * Verifies one cluster's bundle against the mesh root(s): the four files, the intermediate signed by a mesh
 * root, root-cert.pem and cert-chain.pem consistent with it, validity, CA extensions, and the key matching the
 * certificate. Pure: no I/O, time from `ctx.now`.
 */
export function verifyBundle(cluster: string, files: BundleFiles, ctx: BundleContext): BundleReport {
  const findings = fileFindings(cluster, files);
  let intermediate: X509Certificate | undefined;
  let trusted: string[] = [];
  try {
    if (files['ca-cert.pem'] !== undefined)
      intermediate = parseCertificate(files['ca-cert.pem'], `${cluster}/ca-cert.pem`);
  } catch (error) {
    findings.push(unreadable(cluster, error));
  }
  try {
    if (files['root-cert.pem'] !== undefined) {
      parseCertificates(files['root-cert.pem'], `${cluster}/root-cert.pem`);
      trusted = certificateBlocks(files['root-cert.pem']);
      findings.push(...rootSetFindings(cluster, trusted, ctx.meshRoots));
    }
  } catch (error) {
    findings.push(unreadable(cluster, error));
  }
  if (!intermediate) return { cluster, findings };

  const what = `intermediate of ${cluster}`;
  const nodeCert = new NodeCertificate(intermediate.toString('pem'));
  const report: { intermediateFingerprint: string; publicKeyId: string; issuedBy?: string } = {
    intermediateFingerprint: nodeCert.fingerprint256,
    publicKeyId: createHash('sha256')
      .update(nodeCert.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex'),
  };
  findings.push(
    ...checkValidity(intermediate, cluster, what, ctx),
    ...checkCaExtensions(intermediate, cluster, what, 'intermediate'),
  );

  const issuer = findIssuer(nodeCert, ctx.meshRoots);
  if (issuer === undefined) {
    const other = findIssuer(nodeCert, trusted);
    findings.push(
      finding(
        'error',
        'wrong-root',
        cluster,
        `${what} (issuer ${intermediate.issuer}) is not signed by the mesh root${other ? ' but by another root that root-cert.pem trusts' : ''}; cross-cluster mTLS would fail`,
        `okemesh certs issue --cluster ${cluster}`,
      ),
    );
  } else {
    report.issuedBy = fingerprint(issuer);
    const root = parseCertificate(issuer, 'mesh root');
    findings.push(...checkKeyIdentifiers(intermediate, root, cluster, what));
    if (intermediate.notAfter > root.notAfter) {
      findings.push(
        finding(
          'warning',
          'outlives-root',
          cluster,
          `${what} is valid until ${intermediate.notAfter.toISOString()}, after its root expires (${root.notAfter.toISOString()})`,
        ),
      );
    }
    const chain = files['cert-chain.pem'];
    const mismatch = chain === undefined ? undefined : chainFinding(cluster, chain, nodeCert, [issuer]);
    if (mismatch) findings.push(mismatch);
  }

  const keyText = files['ca-key.pem'];
  if (keyText !== undefined) {
    try {
      const key = PrivateKey.fromPem(keyText, `${cluster}/ca-key.pem`);
      if (!keyMatchesCertificate(key, intermediate.publicKey.rawData)) {
        findings.push(
          finding(
            'error',
            'key-mismatch',
            cluster,
            `ca-key.pem is not the private key of ca-cert.pem (${intermediate.subject}); istiod would sign certificates nobody can verify`,
            `okemesh certs issue --cluster ${cluster}`,
          ),
        );
      }
    } catch (error) {
      findings.push(unreadable(cluster, error));
    }
  }
  return { cluster, findings, ...report };
}
