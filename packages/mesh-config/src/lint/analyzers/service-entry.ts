import type { Analyzer } from '../context.js';
import { asArray, asJson, asString, fullName, stringMap, type LintResource } from '../resource.js';
import { stringList } from './route-destinations.js';
import { pushTo } from '../group.js';

/** serviceentry.Analyzer (ProtocolAddressesAnalyzer): TCP ports need addresses unless DNS auto-allocation is on. */
export const protocolAddressesAnalyzer: Analyzer = {
  name: 'serviceentry.ProtocolAddressesAnalyzer',
  analyze(ctx) {
    const meta = stringMap(asJson(asJson(ctx.facts.meshConfig['defaultConfig'])['proxyMetadata']));
    const autoAllocated =
      meta['ISTIO_META_DNS_CAPTURE'] === 'true' &&
      (meta['ISTIO_META_DNS_AUTO_ALLOCATE'] === 'true' || meta['PILOT_ENABLE_IP_AUTOALLOCATE'] === 'true');
    if (autoAllocated) return;
    for (const se of ctx.all('networking.istio.io', 'ServiceEntry')) {
      if (se.spec['addresses'] !== undefined && se.spec['addresses'] !== null) continue;
      if (asArray(asJson(se.object['status'])['addresses']).length > 0) continue;
      asArray(se.spec['ports']).forEach((p, i) => {
        const protocol = asString(asJson(p)['protocol']);
        if (protocol !== '' && protocol.toUpperCase() !== 'TCP') return;
        ctx.report({
          code: 'IST0134',
          resource: se,
          path: ['spec', 'ports', i, 'protocol'],
          hint: 'add spec.addresses, or enable DNS proxying with address auto-allocation',
        });
      });
    }
  },
};

/** serviceentry.ConflictingServiceEntryProtocolAnalyzer: one host:port with different protocols. */
export const conflictingProtocolAnalyzer: Analyzer = {
  name: 'serviceentry.ConflictingServiceEntryProtocolAnalyzer',
  analyze(ctx) {
    const index = new Map<string, { protocol: string; r: LintResource; host: string; port: number }[]>();
    for (const se of ctx.all('networking.istio.io', 'ServiceEntry')) {
      const exportTo = stringList(se.spec['exportTo']);
      const scopes =
        exportTo.length === 0 || exportTo.includes('*')
          ? ['*']
          : [...new Set(exportTo.map((e) => (e === '.' ? se.namespace : e)))];
      for (const scope of scopes) {
        for (const host of stringList(se.spec['hosts'])) {
          for (const p of asArray(se.spec['ports'])) {
            const port = Number(asJson(p)['number'] ?? 0);
            const key = JSON.stringify([scope, host, port]);
            pushTo(index, key, { protocol: asString(asJson(p)['protocol']), r: se, host, port });
          }
        }
      }
    }
    const reported = new Set<string>();
    for (const [key, own] of index) {
      const [scope, host, port] = JSON.parse(key) as [string, string, number];
      const entries = scope === '*' ? own : [...own, ...(index.get(JSON.stringify(['*', host, port])) ?? [])];
      const protocols = [...new Set(entries.map((e) => e.protocol.toUpperCase()))].sort();
      if (protocols.length < 2) continue;
      const names = [...new Set(entries.map((e) => fullName(e.r)))].sort().join(', ');
      for (const e of entries) {
        if (reported.has(fullName(e.r))) continue;
        reported.add(fullName(e.r));
        ctx.report({
          code: 'IST0177',
          resource: e.r,
          args: [names, host, port, protocols.join(', ')],
          path: ['spec', 'ports'],
          hint: 'use one protocol per host and port across ServiceEntries',
        });
      }
    }
  },
};
