import { CA_DEFAULTS } from './defaults.js';

export { CA_DEFAULTS };
import { KeyUsageFlags, type JsonName } from './x509.js';

/** The SAN Istio's generator puts on every intermediate (`INTERMEDIATE_SAN_DNS`). */
export const ISTIOD_SAN = 'istiod.istio-system.svc';

/**
 * Key usage of both CA certificates: keyCertSign and cRLSign (what a CA does) plus digitalSignature, as Istio
 * sets it. Istio's nonRepudiation and keyEncipherment are left out: they mean nothing on a CA, and
 * keyEncipherment is wrong for an EC key.
 */
export const CA_KEY_USAGE =
  KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature;

/** `O=Istio, CN=Root CA`, in that order, as Istio's root-ca.conf writes it. */
export function rootSubject(organization: string): JsonName {
  return [{ O: [organization] }, { CN: ['Root CA'] }];
}

/** `O=Istio, CN=Intermediate CA, L=<cluster>`, as Istio's intermediate.conf writes it. */
export function intermediateSubject(organization: string, cluster: string): JsonName {
  return [{ O: [organization] }, { CN: ['Intermediate CA'] }, { L: [cluster] }];
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Cluster names are Istio cluster IDs (DNS-1123 labels); they also name the store's directories. */
export function isClusterName(value: string): boolean {
  return DNS_LABEL.test(value) && value !== 'root';
}
