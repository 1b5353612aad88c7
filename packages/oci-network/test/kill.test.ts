import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyNetwork } from '../src/index.js';
import { mutating, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  h = await startHarness({ stepMs: 40 });
});
afterEach(() => h.stop());

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Runs the apply in a child process and SIGKILLs it once `mutating` calls reached the fake. */
function applyAndKill(afterMutating: number): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@okemesh/source',
      '--experimental-transform-types',
      '--no-warnings',
      '--import',
      fixture('register-ts-source.mjs'),
      fixture('apply-child.ts'),
      h.fake.endpoint,
      h.keys.tenancy,
      h.keys.user,
      h.keys.fingerprint,
    ],
    {
      env: { ...process.env, OKEMESH_TEST_PRIVATE_KEY: h.keys.privateKeyPem },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const timer = setInterval(() => {
    if (mutating(h.fake).length >= afterMutating) child.kill('SIGKILL');
  }, 1);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve(`${signal ?? code}\n${output}`);
    });
  });
}

describe('process killed mid-apply', () => {
  it.each([3, 8])(
    'SIGKILL after %i mutating calls, then a re-run converges with no duplicates',
    { timeout: 60_000 },
    async (after) => {
      const result = await applyAndKill(after);
      expect(result.split('\n')[0], result).toBe('SIGKILL');
      expect(result).not.toContain('done');
      await applyNetwork(h.topology, h.clients, h.options);
      const live = (kind: string) =>
        h.fake.store
          .list(kind, undefined)
          .filter((r) =>
            ['PROVISIONING', 'AVAILABLE', 'ATTACHING', 'ATTACHED'].includes(String(r.lifecycleState)),
          );
      expect(live('drg')).toHaveLength(2);
      expect(live('drgAttachment')).toHaveLength(2);
      expect(live('rpc').map((r) => r.peeringStatus)).toEqual(['PEERED', 'PEERED']);
      h.fake.clearLog();
      await applyNetwork(h.topology, h.clients, h.options);
      expect(mutating(h.fake)).toEqual([]);
    },
  );
});
