import type { Analyzer } from '../context.js';
import { asArray, asJson, asString, fullName, stringMap, type Json } from '../resource.js';

function selectorSubset(x: Record<string, string>, y: Record<string, string>): boolean {
  let count = 0;
  for (const [k, v] of Object.entries(x)) {
    if (!(k in y)) continue;
    if (y[k] !== v) return false;
    count += 1;
  }
  return count === Object.keys(x).length;
}

function sameCertificate(a: Json, b: Json): boolean {
  const [ca, cb] = [asString(a['credentialName']), asString(b['credentialName'])];
  if (ca && cb) return ca === cb;
  if (ca || cb) return false;
  const [sa, sb] = [asString(a['serverCertificate']), asString(b['serverCertificate'])];
  if (!sa || !sb || sa !== sb) return false;
  const [pa, pb] = [asString(a['privateKey']), asString(b['privateKey'])];
  return pa !== '' && pb !== '' && pa === pb;
}

/** gateway.CertificateAnalyzer: one certificate served by several Gateways on the same workload. */
export const certificateAnalyzer: Analyzer = {
  name: 'gateway.CertificateAnalyzer',
  analyze(ctx) {
    const gateways = ctx.all('networking.istio.io', 'Gateway');
    for (const current of gateways) {
      const selector = stringMap(current.spec['selector']);
      for (const other of gateways) {
        if (other === current) continue;
        if (Object.keys(selector).length > 0 && !selectorSubset(selector, stringMap(other.spec['selector'])))
          continue;
        for (const cs of asArray(current.spec['servers'])) {
          for (const os of asArray(other.spec['servers'])) {
            const [ct, ot] = [asJson(cs)['tls'], asJson(os)['tls']];
            if (ct === undefined || ct === null || ot === undefined || ot === null) continue;
            if (!sameCertificate(asJson(ct), asJson(ot))) continue;
            ctx.report({
              code: 'IST0138',
              resource: current,
              args: [[fullName(current), fullName(other)]],
              path: ['spec', 'servers'],
              hint: 'give each Gateway its own certificate, or merge the Gateways',
            });
          }
        }
      }
    }
  },
};
