import type { Analyzer } from '../context.js';
import { asArray, asJson, asString, fullName } from '../resource.js';

/** destinationrule.CaCertificateAnalyzer: SIMPLE/MUTUAL origination without caCertificates. */
export const caCertificateAnalyzer: Analyzer = {
  name: 'destinationrule.CaCertificateAnalyzer',
  analyze(ctx) {
    for (const dr of ctx.all('networking.istio.io', 'DestinationRule')) {
      const policy = asJson(dr.spec['trafficPolicy']);
      const host = asString(dr.spec['host']);
      const hasSelector = dr.spec['workloadSelector'] !== undefined && dr.spec['workloadSelector'] !== null;
      const unverified = (tls: Record<string, unknown>): string => {
        const mode = asString(tls['mode']);
        if (mode !== 'SIMPLE' && mode !== 'MUTUAL') return '';
        if (asString(tls['caCertificates']) || (asString(tls['credentialName']) && hasSelector)) return '';
        return mode;
      };
      const mode = unverified(asJson(policy['tls']));
      if (mode) {
        ctx.report({
          code: 'IST0128',
          resource: dr,
          args: [fullName(dr), dr.namespace, mode, host],
          path: ['spec', 'trafficPolicy', 'tls', 'mode'],
          hint: 'set tls.caCertificates (or credentialName with a workloadSelector) so the server certificate is verified',
        });
      }
      asArray(policy['portLevelSettings']).forEach((p, i) => {
        const setting = asJson(p);
        const portMode = unverified(asJson(setting['tls']));
        if (!portMode) return;
        const number = asJson(setting['port'])['number'];
        ctx.report({
          code: 'IST0129',
          resource: dr,
          args: [
            fullName(dr),
            dr.namespace,
            portMode,
            host,
            number === undefined ? '' : `number:${String(number)}`,
          ],
          path: ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls', 'mode'],
          hint: 'set tls.caCertificates for this port so the server certificate is verified',
        });
      });
    }
  },
};
