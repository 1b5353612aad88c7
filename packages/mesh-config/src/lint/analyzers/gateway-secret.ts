import { X509Certificate } from 'node:crypto';
import type { Analyzer } from '../context.js';
import { asArray, asJson, asString, stringMap, type LintResource } from '../resource.js';
import { selectorString, selects } from '../selector.js';

/** Secret `data` (base64) merged with `stringData`, as bytes. */
export function secretData(secret: LintResource): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [k, v] of Object.entries(stringMap(secret.object['data']))) out.set(k, Buffer.from(v, 'base64'));
  for (const [k, v] of Object.entries(stringMap(secret.object['stringData'])))
    out.set(k, Buffer.from(v, 'utf8'));
  return out;
}

function firstPem(data: Buffer): X509Certificate | undefined {
  const m = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(data.toString('utf8'));
  if (!m) return undefined;
  try {
    return new X509Certificate(m[0]);
  } catch {
    return undefined;
  }
}

function validCredential(secret: LintResource, now: Date): boolean {
  // Declared by the topology (created outside the manifests): its content is not known here.
  if (secret.file === '(declared)') return true;
  const data = secretData(secret);
  const pick = (cert: string, key: string) =>
    (data.get(cert)?.length ?? 0) > 0 && (data.get(key)?.length ?? 0) > 0 ? data.get(cert) : undefined;
  const cert = pick('cert', 'key') ?? pick('tls.crt', 'tls.key');
  if (!cert) return false;
  const x509 = firstPem(cert);
  if (!x509) return false;
  return now >= new Date(x509.validFrom) && now <= new Date(x509.validTo);
}

/** gateway.SecretAnalyzer: credentialName secrets exist next to the gateway pods and hold a valid certificate. */
export const secretAnalyzer: Analyzer = {
  name: 'gateway.SecretAnalyzer',
  analyze(ctx) {
    for (const gw of ctx.all('networking.istio.io', 'Gateway')) {
      const selector = stringMap(gw.spec['selector']);
      const pod = ctx.all('', 'Pod').find((p) => selects(selector, p.labels));
      if (!pod) {
        ctx.report({
          code: 'IST0101',
          resource: gw,
          args: ['selector', selectorString(selector)],
          path: ['spec', 'selector'],
          hint: 'select the labels of a deployed gateway',
        });
        continue;
      }
      asArray(gw.spec['servers']).forEach((s, i) => {
        const cn = asString(asJson(asJson(s)['tls'])['credentialName']);
        if (!cn) return;
        const slash = cn.indexOf('/');
        const [ns, name] = slash < 0 ? [pod.namespace, cn] : [cn.slice(0, slash), cn.slice(slash + 1)];
        const secret = ctx.find('', 'Secret', ns, name);
        const path = ['spec', 'servers', i, 'tls', 'credentialName'];
        if (!secret) {
          ctx.report({
            code: 'IST0101',
            resource: gw,
            args: ['credentialName', cn],
            path,
            hint: `create Secret ${ns}/${name} in the gateway's namespace`,
          });
        } else if (!validCredential(secret, ctx.now)) {
          ctx.report({
            code: 'IST0161',
            resource: gw,
            args: [gw.name, pod.namespace],
            path,
            hint: 'store a current PEM certificate and key under tls.crt/tls.key (or cert/key)',
          });
        }
      });
    }
  },
};
