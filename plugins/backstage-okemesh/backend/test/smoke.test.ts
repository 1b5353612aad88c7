import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'smoke.ts');

// CI runs the smoke script through the test suite: a real Backstage backend on SQLite and on PostgreSQL.
describe('smoke script (npm run smoke)', () => {
  it('starts a real backend, registers the entity, calls the routes with a static token and stops cleanly', async () => {
    const { stdout } = await run(process.execPath, [script], { timeout: 240_000 });
    expect(stdout).toMatch(
      /smoke sqlite: backend ready .* lint pass, drill \S+ by service:okemesh-smoke -> error/,
    );
    expect(stdout).toContain('smoke sqlite: stopped cleanly');
    if (!stdout.includes('smoke postgres skipped'))
      expect(stdout).toContain('smoke postgres: stopped cleanly');
  }, 300_000);
});
