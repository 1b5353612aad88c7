import { Resolver } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';

/** A node:dns Resolver asking only `server` (`host` or `host:port`), with a per-query timeout. */
export function resolverFor(server: string, timeoutMs: number): Resolver {
  const resolver = new Resolver({ timeout: Math.max(1, Math.round(timeoutMs)), tries: 1 });
  resolver.setServers([server]);
  return resolver;
}

/** A `lookup` for http.request that resolves A records through `resolver` on every call (no cache). */
export function lookupVia(resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver.resolve4(hostname).then(
      (addresses) => {
        const first = addresses[0];
        if (!first) {
          callback(Object.assign(new Error(`no A record for ${hostname}`), { code: 'ENODATA' }), '', 4);
          return;
        }
        if ((options as { all?: boolean }).all) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(
            null,
            addresses.map((address) => ({ address, family: 4 })),
          );
        } else callback(null, first, 4);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}
