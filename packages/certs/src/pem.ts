import { CertsError } from './errors.js';
import { X509Certificate } from './x509.js';

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificate PEM blocks of a file, in order (anything between them, like comments, is ignored). */
export function certificateBlocks(text: string): string[] {
  return text.match(CERT_BLOCK) ?? [];
}

/** Parses every certificate of a PEM file; `source` names the file in errors. */
export function parseCertificates(text: string, source: string): X509Certificate[] {
  const blocks = certificateBlocks(text);
  if (blocks.length === 0) throw new CertsError('CERT_PARSE_FAILED', `${source} holds no PEM certificate`);
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new CertsError('CERT_PARSE_FAILED', `${source}: certificate #${i + 1} is not valid X.509`, {
        cause: error,
      });
    }
  });
}

export function parseCertificate(text: string, source: string): X509Certificate {
  const [first, ...rest] = parseCertificates(text, source);
  if (!first || rest.length > 0) {
    throw new CertsError(
      'CERT_PARSE_FAILED',
      `${source} must hold exactly one certificate, found ${rest.length + 1}`,
    );
  }
  return first;
}

/** PEM text of certificates, one block after another, newline-terminated. */
export function joinPem(blocks: readonly string[]): string {
  return blocks.map((b) => `${b.trim()}\n`).join('');
}
