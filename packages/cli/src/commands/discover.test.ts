import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bufferIo } from '../../test/io.js';
import { run } from '../run.js';
import { startOciFake, writeFlannelTopology } from './network-test-fake.js';

let oci: Awaited<ReturnType<typeof startOciFake>>;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  oci = await startOciFake();
});
afterEach(() => oci.stop());

describe('okemesh discover', () => {
  it('prints what OCI reports and agrees with the example', async () => {
    const io = bufferIo();
    expect(await run(['discover', ...oci.args], io)).toBe(0);
    expect(io.out()).toMatch(/primary-cluster\n {2}cluster {4}ocid1\.cluster\.oc1\.us-sanjose-1\./);
    expect(io.out()).toContain('cni        OCI_VCN_IP_NATIVE');
  });

  it('refuses a FLANNEL_OVERLAY cluster with an explanation (exit 1)', async () => {
    await writeFlannelTopology(oci);
    const io = bufferIo(oci.dir);
    expect(await run(['discover', '-f', 'mesh.yaml', '--json', ...oci.args], io)).toBe(1);
    const result = JSON.parse(io.out()) as {
      ok: boolean;
      clusters: { findings: { field: string; message: string }[] }[];
    };
    expect(result.ok).toBe(false);
    expect(result.clusters[1]?.findings.find((f) => f.field === 'cni')?.message).toMatch(
      /FLANNEL_OVERLAY.*OCI_VCN_IP_NATIVE/,
    );
  });
});
