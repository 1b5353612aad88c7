import type { AnalysisContext, Analyzer } from '../../context.js';
import { asArray, asJson, asString } from '../../resource.js';
import { controlPlanes } from '../install-config.js';
import { okm } from '../report.js';

/** The mesh trust domain and its aliases: declared, or from meshConfig in the input, else cluster.local. */
export function trustDomains(ctx: AnalysisContext): { domain: string; aliases: string[] } {
  const configured = controlPlanes(ctx.resources)
    .map((cp) => cp.meshConfig)
    .find((m) => asString(m['trustDomain']));
  const meshConfig = configured ?? ctx.facts.meshConfig;
  const domain = ctx.facts.trustDomain ?? (asString(meshConfig['trustDomain']) || 'cluster.local');
  return { domain, aliases: asArray(meshConfig['trustDomainAliases']).map(asString) };
}

/** OKM0070: principals are `<trust-domain>/ns/<ns>/sa/<sa>` with the mesh trust domain, without `spiffe://`. */
export const principalsRule: Analyzer = {
  name: 'okemesh.PrincipalTrustDomain',
  analyze(ctx) {
    const { domain, aliases } = trustDomains(ctx);
    const accepted = new Set([domain, 'cluster.local', ...aliases]);
    for (const ap of ctx.all('security.istio.io', 'AuthorizationPolicy')) {
      asArray(ap.spec['rules']).forEach((rule, i) => {
        asArray(asJson(rule)['from']).forEach((from, j) => {
          const source = asJson(asJson(from)['source']);
          for (const field of ['principals', 'notPrincipals'] as const) {
            asArray(source[field]).forEach((p, k) => {
              const principal = asString(p);
              const path = ['spec', 'rules', i, 'from', j, 'source', field, k];
              if (principal.startsWith('spiffe://')) {
                okm(
                  ctx,
                  'OKM0070',
                  ap,
                  `principal ${principal} starts with spiffe://: Istio adds the prefix itself, so it never matches`,
                  `write ${principal.slice('spiffe://'.length)}`,
                  path,
                );
                return;
              }
              const at = principal.indexOf('/ns/');
              if (at <= 0) return;
              const td = principal.slice(0, at);
              if (td.includes('*') || accepted.has(td)) return;
              okm(
                ctx,
                'OKM0070',
                ap,
                `principal ${principal} uses trust domain ${td}, but the mesh trust domain is ${domain}`,
                `write ${domain}/ns/...${aliases.length ? '' : ' (or list the old domain in meshConfig.trustDomainAliases)'}`,
                path,
              );
            });
          }
        });
      });
    }
  },
};
