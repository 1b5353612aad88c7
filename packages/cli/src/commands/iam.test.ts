import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';
import { startOciFake } from './network-test-fake.js';

describe('okemesh iam policies', () => {
  it('prints the statements without touching OCI', async () => {
    const io = bufferIo();
    expect(await run(['iam', 'policies', '--group', 'platform'], io)).toBe(0);
    expect(io.out()).toContain(
      'Allow group platform to manage remote-peering-connections in compartment id ocid1.compartment.oc1..',
    );
    expect(io.out()).toContain("request.principal.type = 'cluster'");
  });

  it('quotes an identity-domain group and grants VCN_ATTACH for the DRG attachment', async () => {
    const io = bufferIo();
    expect(await run(['iam', 'policies', '--group', 'mesh ops', '--identity-domain', 'Platform'], io)).toBe(
      0,
    );
    expect(io.out()).toContain("Allow group 'Platform'/'mesh ops' to manage drgs in compartment id");
    expect(io.out()).toContain("request.permission = 'VCN_ATTACH'");
  });

  describe('--apply against the fake', () => {
    let oci: Awaited<ReturnType<typeof startOciFake>>;
    beforeEach(async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      oci = await startOciFake();
    });
    afterEach(() => oci.stop());

    it('writes the policy in the home region', async () => {
      const io = bufferIo();
      expect(await run(['iam', 'policies', '--apply', '--yes', ...oci.args], io)).toBe(0);
      expect(io.out()).toContain('IAM policy written in us-sanjose-1');
      const [policy] = oci.fake.store.list('policy', undefined);
      expect(policy?.name).toBe('okemesh-bookinfo');
    });
  });
});
