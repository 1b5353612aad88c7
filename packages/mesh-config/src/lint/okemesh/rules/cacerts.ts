import { createRequire } from 'node:module';
import type * as Check from '@okemesh/certs/check';
import type { AnalysisContext, Analyzer } from '../../context.js';
import { secretData } from '../../analyzers/gateway-secret.js';
import { asJson, type LintResource } from '../../resource.js';
import { okm } from '../report.js';

const pluggedKeys = ['ca-cert.pem', 'ca-key.pem', 'root-cert.pem', 'cert-chain.pem'];
const tlsKeys = ['tls.crt', 'tls.key', 'ca.crt'];
const optionalKeys = ['ca-crl.pem'];

const require = createRequire(import.meta.url);
let checkModule: typeof Check | undefined;

/**
 * The cacerts checker of @okemesh/certs (which loads @peculiar/x509) on first use: ~0.15 s of loading that
 * importing @okemesh/mesh-config, or a lint without cacerts Secrets, should not pay. Synchronous
 * (require of an ES module, Node >= 22.12), as rules are. It resolves to the built dist of @okemesh/certs.
 */
function certsCheck(): typeof Check {
  checkModule ??= require('@okemesh/certs/check') as typeof Check;
  return checkModule;
}

/** CA checks on the intermediate, from the one cacerts checker (@okemesh/certs), as OKM0032 findings. */
function checkIntermediate(ctx: AnalysisContext, secret: LintResource, data: Map<string, Buffer>): void {
  const plugged = data.has('ca-cert.pem');
  const certKey = plugged ? 'ca-cert.pem' : 'tls.crt';
  const keyKey = plugged ? 'ca-key.pem' : 'tls.key';
  const rootKey = plugged ? 'root-cert.pem' : 'ca.crt';
  const text = (k: string) => data.get(k)?.toString('utf8');
  const cert = text(certKey);
  if (cert === undefined) return;
  const files: Record<string, string> = { 'ca-cert.pem': cert };
  const key = text(keyKey);
  const root = text(rootKey);
  const chain = plugged ? text('cert-chain.pem') : undefined;
  if (key !== undefined) files['ca-key.pem'] = key;
  if (root !== undefined) files['root-cert.pem'] = root;
  if (chain !== undefined) files['cert-chain.pem'] = chain;
  // Lint has no notion of "now" worth trusting in CI: validity findings are the doctor's and certs verify's.
  const report = certsCheck().checkCacerts(files, { cluster: secret.name, now: new Date() });
  const path = ['data', certKey];
  if (report.intermediateFingerprint === undefined) {
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
  const has = (code: Check.FindingCode) => report.findings.some((f) => f.code === code);
  if (has('not-ca'))
    okm(
      ctx,
      'OKM0032',
      secret,
      `${certKey} is not a CA certificate (no basicConstraints CA:true): workload certificates it signs fail verification`,
      'sign the intermediate with extensions basicConstraints=critical,CA:true,pathlen:0 and keyUsage=keyCertSign (Istio intermediate.conf)',
      path,
    );
  if (has('missing-key-cert-sign'))
    okm(
      ctx,
      'OKM0032',
      secret,
      `${certKey} lacks keyUsage keyCertSign`,
      'add keyUsage = critical, digitalSignature, keyEncipherment, keyCertSign',
      path,
    );
  if (key !== undefined && has('key-mismatch'))
    okm(
      ctx,
      'OKM0032',
      secret,
      `${keyKey} is not the private key of ${certKey}: istiod would sign certificates nobody can verify`,
      `store the key the intermediate was issued for in ${keyKey}`,
      ['data', keyKey],
    );
  if (root === undefined) return;
  if (chain !== undefined && has('chain-mismatch'))
    okm(
      ctx,
      'OKM0032',
      secret,
      'cert-chain.pem is not ca-cert.pem followed by root-cert.pem',
      'build it with cat ca-cert.pem root-cert.pem > cert-chain.pem',
      ['data', 'cert-chain.pem'],
    );
  if (has('wrong-root'))
    okm(
      ctx,
      'OKM0032',
      secret,
      `${certKey} is not signed by ${rootKey}`,
      'sign the intermediate with the shared root CA',
      ['data', rootKey],
    );
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
