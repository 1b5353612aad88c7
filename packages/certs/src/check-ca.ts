import { X509Certificate as NodeCertificate } from 'node:crypto';
import { daysBetween } from './clock.js';
import { caExtensions } from './extensions.js';
import { finding, type Finding } from './findings.js';
import { CA_DEFAULTS, ISTIOD_SAN } from './profile.js';
import type { X509Certificate } from './x509.js';

export interface CheckContext {
  readonly now: Date;
  /** Warn when fewer days than this are left (default 30). */
  readonly warnDays?: number;
}

/** Validity window: not yet valid and expired are errors, close to expiry a warning. */
export function checkValidity(
  cert: X509Certificate,
  scope: string,
  what: string,
  ctx: CheckContext,
): Finding[] {
  const { now } = ctx;
  if (now < cert.notBefore) {
    return [
      finding(
        'error',
        'not-yet-valid',
        scope,
        `${what} is not valid before ${cert.notBefore.toISOString()}`,
        'check the clock of the machine that issued it, or wait',
      ),
    ];
  }
  if (now > cert.notAfter) {
    return [
      finding(
        'error',
        'expired',
        scope,
        `${what} expired on ${cert.notAfter.toISOString()}`,
        scope.startsWith('root')
          ? 'rotate the root: okemesh certs rotate root'
          : `renew it: okemesh certs rotate intermediate --cluster ${scope}`,
      ),
    ];
  }
  const left = daysBetween(now, cert.notAfter);
  if (left < (ctx.warnDays ?? CA_DEFAULTS.warnDays)) {
    return [
      finding(
        'warning',
        'expires-soon',
        scope,
        `${what} expires in ${left} day(s), on ${cert.notAfter.toISOString()}`,
        scope.startsWith('root')
          ? 'start a root rotation now'
          : `okemesh certs rotate intermediate --cluster ${scope}`,
      ),
    ];
  }
  return [];
}

/**
 * The CA extensions Istio's generator sets and the runbook's one-liners lose: basicConstraints critical CA:true
 * (pathlen:0 on an intermediate), keyUsage keyCertSign, key identifiers, and for an intermediate the istiod SAN
 * and `L=<cluster>`.
 */
export function checkCaExtensions(
  cert: X509Certificate,
  scope: string,
  what: string,
  role: 'root' | 'intermediate',
): Finding[] {
  const out: Finding[] = [];
  const ext = caExtensions(cert);
  const bc = ext.basicConstraints;
  if (!bc?.ca) {
    out.push(
      finding(
        'error',
        'not-ca',
        scope,
        `${what} has no basicConstraints CA:TRUE, so nothing it signs verifies ("invalid CA certificate")`,
        'reissue it with okemesh certs issue (openssl x509 -req without -extfile drops the CA extensions)',
      ),
    );
  } else {
    if (!bc.critical)
      out.push(
        finding(
          'warning',
          'basic-constraints-not-critical',
          scope,
          `${what}: basicConstraints is not marked critical`,
        ),
      );
    if (role === 'intermediate' && bc.pathLength !== 0) {
      out.push(
        finding(
          'warning',
          'path-length',
          scope,
          `${what}: basicConstraints pathlen is ${bc.pathLength ?? 'unlimited'}, Istio uses 0 (it signs workloads, never other CAs)`,
        ),
      );
    }
  }
  if (!ext.keyUsage?.usages.includes('keyCertSign')) {
    out.push(
      finding(
        'error',
        'missing-key-cert-sign',
        scope,
        `${what} has no keyUsage keyCertSign, so it may not sign certificates`,
        'reissue it with okemesh certs issue',
      ),
    );
  }
  if (ext.subjectKeyId === undefined) {
    out.push(finding('warning', 'missing-key-identifier', scope, `${what} has no subjectKeyIdentifier`));
  }
  if (role === 'intermediate') {
    if (!ext.dnsNames.includes(ISTIOD_SAN)) {
      out.push(
        finding(
          'warning',
          'missing-san',
          scope,
          `${what} lacks the SAN DNS:${ISTIOD_SAN} Istio's generator sets`,
        ),
      );
    }
    const locality = cert.subjectName.getField('L')[0];
    if (locality !== scope) {
      out.push(
        finding(
          'warning',
          'subject-mismatch',
          scope,
          `${what} has L=${locality ?? '(none)'} in its subject, expected L=${scope}`,
        ),
      );
    }
  }
  return out;
}

/** A root must sign itself. */
export function checkSelfSigned(pem: string, scope: string, what: string): Finding[] {
  const cert = new NodeCertificate(pem);
  if (cert.checkIssued(cert) && cert.verify(cert.publicKey)) return [];
  return [
    finding(
      'error',
      'not-self-signed',
      scope,
      `${what} (${cert.subject.replace(/\n/g, ', ')}) is not self-signed`,
    ),
  ];
}

/** The authority key identifier of `cert` names `issuer`'s subject key identifier. */
export function checkKeyIdentifiers(
  cert: X509Certificate,
  issuer: X509Certificate,
  scope: string,
  what: string,
): Finding[] {
  const aki = caExtensions(cert).authorityKeyId;
  const ski = caExtensions(issuer).subjectKeyId;
  if (aki === undefined)
    return [finding('warning', 'missing-key-identifier', scope, `${what} has no authorityKeyIdentifier`)];
  if (ski !== undefined && aki !== ski) {
    return [
      finding(
        'warning',
        'key-identifier-mismatch',
        scope,
        `${what}: authorityKeyIdentifier ${aki} is not the root's subjectKeyIdentifier ${ski}`,
      ),
    ];
  }
  return [];
}
