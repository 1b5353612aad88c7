import { X509Certificate as NodeX509 } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as X509 from '@peculiar/x509';
import type { X509Certificate } from '@peculiar/x509';
import type { AnalysisContext, Analyzer } from '../../context.js';
import { secretData } from '../../analyzers/gateway-secret.js';
import { asJson, type LintResource } from '../../resource.js';
import { okm } from '../report.js';

const pluggedKeys = ['ca-cert.pem', 'ca-key.pem', 'root-cert.pem', 'cert-chain.pem'];
const tlsKeys = ['tls.crt', 'tls.key', 'ca.crt'];
const optionalKeys = ['ca-crl.pem'];

const require = createRequire(import.meta.url);
let x509Module: typeof X509 | undefined;

/**
 * @peculiar/x509 (with the reflect-metadata polyfill it needs) on first use: ~0.15 s of loading that importing
 * @okemesh/mesh-config, or a lint without cacerts Secrets, should not pay. Synchronous (CommonJS), as rules are.
 */
function x509(): typeof X509 {
  if (!x509Module) {
    require('reflect-metadata');
    x509Module = require('@peculiar/x509') as typeof X509;
  }
  return x509Module;
}

export function pemCertificates(text: string): X509Certificate[] {
  const { X509Certificate } = x509();
  const out: X509Certificate[] = [];
  for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)) {
    try {
      out.push(new X509Certificate(m[0]));
    } catch {
      // not a parseable certificate: reported as a broken chain below
    }
  }
  return out;
}

/** Whether `cert` carries a valid signature of `issuer` (node:crypto, synchronous). */
function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return new NodeX509(Buffer.from(cert.rawData)).verify(
      new NodeX509(Buffer.from(issuer.rawData)).publicKey,
    );
  } catch {
    return false;
  }
}

function checkIntermediate(ctx: AnalysisContext, secret: LintResource, data: Map<string, Buffer>): void {
  const certKey = data.has('ca-cert.pem') ? 'ca-cert.pem' : 'tls.crt';
  const text = data.get(certKey)?.toString('utf8');
  if (text === undefined) return;
  const [intermediate] = pemCertificates(text);
  const path = ['data', certKey];
  if (!intermediate) {
    okm(
      ctx,
      'OKM0032',
      secret,
      `${certKey} holds no parseable PEM certificate`,
      'store the intermediate CA certificate (PEM)',
      path,
    );
    return;
  }
  const { BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension } = x509();
  const basic = intermediate.getExtension(BasicConstraintsExtension);
  const usage = intermediate.getExtension(KeyUsagesExtension);
  if (!basic?.ca)
    okm(
      ctx,
      'OKM0032',
      secret,
      `${certKey} is not a CA certificate (no basicConstraints CA:true): workload certificates it signs fail verification`,
      'sign the intermediate with extensions basicConstraints=critical,CA:true,pathlen:0 and keyUsage=keyCertSign (Istio intermediate.conf)',
      path,
    );
  if (!usage || (usage.usages & KeyUsageFlags.keyCertSign) === 0)
    okm(
      ctx,
      'OKM0032',
      secret,
      `${certKey} lacks keyUsage keyCertSign`,
      'add keyUsage = critical, digitalSignature, keyEncipherment, keyCertSign',
      path,
    );
  const chain = data.get('cert-chain.pem')?.toString('utf8');
  const root = data.get('root-cert.pem')?.toString('utf8');
  if (chain !== undefined && root !== undefined) {
    const links = pemCertificates(chain);
    const [rootCert] = pemCertificates(root);
    if (
      links[0]?.serialNumber !== intermediate.serialNumber ||
      !rootCert ||
      links.at(-1)?.serialNumber !== rootCert.serialNumber
    ) {
      okm(
        ctx,
        'OKM0032',
        secret,
        'cert-chain.pem is not ca-cert.pem followed by root-cert.pem',
        'build it with cat ca-cert.pem root-cert.pem > cert-chain.pem',
        ['data', 'cert-chain.pem'],
      );
    }
    if (rootCert && !issuedBy(intermediate, rootCert)) {
      okm(
        ctx,
        'OKM0032',
        secret,
        'ca-cert.pem is not signed by root-cert.pem',
        'sign the intermediate with the shared root CA',
        ['data', 'root-cert.pem'],
      );
    }
  }
}

/** OKM0030-0032: the plug-in CA secret istiod reads, no root key in clusters, CA extensions on the intermediate. */
export const cacertsRule: Analyzer = {
  name: 'okemesh.Cacerts',
  analyze(ctx) {
    for (const secret of ctx.all('', 'Secret')) {
      const data = secretData(secret);
      const inData = asJson(secret.object['data']);
      const key = (k: string): string => (k in inData ? 'data' : 'stringData');
      if (data.has('root-key.pem')) {
        okm(
          ctx,
          'OKM0031',
          secret,
          `Secret ${secret.name} contains root-key.pem: the root CA key must never be in a cluster`,
          'keep the root key offline; give each cluster only its intermediate key',
          [key('root-key.pem'), 'root-key.pem'],
        );
      }
      if (secret.name !== 'cacerts') continue;
      const keys = [...data.keys()];
      const layout = keys.some((k) => tlsKeys.includes(k)) && data.has('tls.crt') ? tlsKeys : pluggedKeys;
      for (const k of keys) {
        if (layout.includes(k) || optionalKeys.includes(k) || k === 'root-key.pem') continue;
        okm(
          ctx,
          'OKM0030',
          secret,
          `cacerts key ${k} is ignored by istiod (it reads only ${layout.join(', ')})`,
          `rename it to the matching one of ${layout.join(', ')}`,
          [key(k), k],
        );
      }
      const missing = layout.filter((k) => !data.has(k));
      if (missing.length > 0) {
        okm(
          ctx,
          'OKM0030',
          secret,
          `cacerts lacks ${missing.join(', ')}: istiod self-signs (each cluster gets its own root) or, since 1.27, fails to start`,
          `provide all of ${layout.join(', ')}`,
          ['metadata', 'name'],
        );
      }
      checkIntermediate(ctx, secret, data);
    }
  },
};
