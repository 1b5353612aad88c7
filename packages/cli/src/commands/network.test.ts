import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';
import { startOciFake } from './network-test-fake.js';

let oci: Awaited<ReturnType<typeof startOciFake>>;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  oci = await startOciFake();
});
afterEach(() => oci.stop());

const mutating = () => oci.fake.requests.filter((r) => r.mutating);

describe('okemesh network', () => {
  it('plan lists the creates with reasons and changes nothing', async () => {
    const io = bufferIo();
    expect(await run(['network', 'plan', ...oci.args], io)).toBe(0);
    expect(io.out()).toMatch(
      /us-sanjose-1:\n {2}\+ create {4}drg okemesh-bookinfo-us-sanjose-1 — no DRG attached/,
    );
    expect(io.out()).toContain('⇄ connect');
    expect(io.out()).toMatch(/note: opens 15443\/TCP from the remote VCN/);
    expect(io.out()).toMatch(/Plan: \d+ to create/);
    expect(mutating()).toEqual([]);
  });

  it('apply refuses without a TTY and without --yes, and changes nothing', async () => {
    const io = bufferIo();
    expect(await run(['network', 'apply', ...oci.args], io)).toBe(2);
    expect(io.err()).toMatch(/refusing without a TTY; pass --yes/);
    expect(mutating()).toEqual([]);
  });

  it('apply --yes converges with progress; status then reports converged; a second apply is a no-op', async () => {
    const io = bufferIo();
    expect(await run(['network', 'apply', '--yes', ...oci.args], io)).toBe(0);
    expect(io.out()).toContain('network converged');
    expect(io.err()).toMatch(/\[us-sanjose-1\] connecting .* to .* in us-chicago-1/);
    const status = bufferIo();
    expect(await run(['network', 'status', ...oci.args], status)).toBe(0);
    expect(status.out()).toContain('converged');
    oci.fake.clearLog();
    const again = bufferIo();
    expect(await run(['network', 'apply', '--yes', '--json', ...oci.args], again)).toBe(0);
    expect(JSON.parse(again.out())).toMatchObject({
      applied: false,
      summary: { create: 0, update: 0, connect: 0 },
    });
    expect(mutating()).toEqual([]);
  });

  it('status exits 1 before apply; destroy --yes removes what apply made', async () => {
    expect(await run(['network', 'status', ...oci.args], bufferIo())).toBe(1);
    expect(await run(['network', 'apply', '--yes', ...oci.args], bufferIo())).toBe(0);
    const io = bufferIo();
    expect(await run(['network', 'destroy', '--yes', ...oci.args], io)).toBe(0);
    expect(io.out()).toContain('okemesh resources removed');
    expect(oci.fake.store.list('drg', undefined).filter((d) => d.lifecycleState === 'AVAILABLE')).toEqual([]);
  });

  it('a bad profile is an environment error (exit 5) naming the profile', async () => {
    const io = bufferIo();
    expect(await run(['network', 'plan', ...oci.args, '--profile', 'NOPE'], io)).toBe(5);
    expect(io.err()).toMatch(/^error: cannot authenticate with profile NOPE.*\[OCI_AUTH_FAILED\]$/m);
  });
});
