// The cacerts lint rule loads @okemesh/certs/check with a synchronous require() (so importing mesh-config stays
// light). Under vitest that native require resolves with the @okemesh/source condition to the certs sources,
// whose relative imports carry `.js` suffixes for files that exist as `.ts`: map them, as tsc and vite do.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const ts = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
      if (existsSync(fileURLToPath(ts))) return nextResolve(ts.href, context);
    }
    return nextResolve(specifier, context);
  },
});
