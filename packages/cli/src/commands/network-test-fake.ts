import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOci, seedTopology } from '@okemesh/fake-oci';
import { exampleTopology, exampleTopologyText } from '@okemesh/topology';

/**
 * Test support for the OCI command tests: the fake OCI API on 127.0.0.1 seeded with the built-in example's
 * clusters and zone, and an OCI config file (key 0600) whose key the fake trusts. `args` point a command at it.
 */
export async function startOciFake(): Promise<{
  fake: FakeOci;
  args: string[];
  dir: string;
  stop: () => Promise<void>;
}> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const tenancy = 'ocid1.tenancy.oc1..clitest';
  const user = 'ocid1.user.oc1..clitest';
  const fingerprint = '01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef';
  const dir = await mkdtemp(join(tmpdir(), 'okemesh-oci-'));
  const keyFile = join(dir, 'key.pem');
  await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  const config = join(dir, 'config');
  await writeFile(
    config,
    `[DEFAULT]\nuser=${user}\nfingerprint=${fingerprint}\ntenancy=${tenancy}\nregion=us-ashburn-1\nkey_file=${keyFile}\n`,
    { mode: 0o600 },
  );
  const topology = exampleTopology();
  const fake = new FakeOci({
    publicKeys: {
      [`${tenancy}/${user}/${fingerprint}`]: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    stepMs: 5,
    homeRegion: 'us-sanjose-1',
  });
  await fake.start();
  seedTopology(fake, topology);
  return { fake, dir, args: ['--config-file', config, '--endpoint', fake.endpoint], stop: () => fake.stop() };
}

/**
 * Seeds a FLANNEL_OVERLAY cluster in us-chicago-1 and writes `mesh.yaml` (the example pointing its secondary
 * cluster at it) into the fake's directory, for the tests that must see that CNI refused.
 */
export async function writeFlannelTopology(oci: { fake: FakeOci; dir: string }): Promise<void> {
  const seeded = oci.fake.seedCluster({
    region: 'us-chicago-1',
    compartmentId: 'ocid1.compartment.oc1..aaaaaaaal7vn7wsy3qgizklrlfgo2vllfta3wkqlnfkvykoroite3lzxbnna',
    name: 'flannel',
    vcnCidr: '10.1.0.0/16',
    cniType: 'FLANNEL_OVERLAY',
  });
  const text = exampleTopologyText().replace(/ocid1\.cluster\.oc1\.us-chicago-1\.\w+/, seeded.clusterId);
  await writeFile(join(oci.dir, 'mesh.yaml'), text);
}
