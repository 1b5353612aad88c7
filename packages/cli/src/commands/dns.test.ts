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

describe('okemesh dns', () => {
  const addresses = ['--address', 'us-sanjose-1=203.0.113.10', '--address', 'us-chicago-1=198.51.100.20'];

  it('plan shows monitor, policy and attachment creates; apply --yes converges', async () => {
    const plan = bufferIo();
    expect(await run(['dns', 'plan', ...addresses, ...oci.args], plan)).toBe(0);
    expect(plan.out()).toMatch(/create +health-monitor okemesh-bookinfo-ingress/);
    expect(plan.out()).toContain('us-sanjose-1 answers A 203.0.113.10 (priority 1)');
    const io = bufferIo();
    expect(await run(['dns', 'apply', '--yes', ...addresses, ...oci.args], io)).toBe(0);
    expect(io.out()).toContain('DNS failover converged');
    expect(oci.fake.store.list('steeringPolicyAttachment', undefined)).toHaveLength(1);
  });

  it('rejects a malformed --address', async () => {
    const io = bufferIo();
    expect(await run(['dns', 'plan', '--address', 'sanjose', ...oci.args], io)).toBe(2);
    expect(io.err()).toContain('must look like <region>=<ip-or-hostname>');
  });
});
