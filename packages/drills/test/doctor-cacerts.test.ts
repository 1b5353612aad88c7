import {
  cacertsBundle,
  cacertsFiles,
  createIntermediateCa,
  createRootCa,
  type CertificateAuthority,
} from '@okemesh/certs';
import { beforeAll, describe, expect, it } from 'vitest';
import { caCerts } from '../src/doctor/kube-checks.js';
import type { KubeApi } from '../src/kube/object.js';

const NOW = new Date('2026-11-23T12:00:00Z');

/** Only `read` of istio-system/cacerts is used by the check. */
function apiWith(cluster: string, files: Record<string, string>): KubeApi {
  const data = Object.fromEntries(
    Object.entries(files).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  );
  return {
    cluster,
    read: async () => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cacerts' }, data }),
  } as unknown as KubeApi;
}

describe('doctor cacerts through the shared checker of @okemesh/certs', () => {
  let root: CertificateAuthority;
  let east: CertificateAuthority;
  let west: CertificateAuthority;
  beforeAll(async () => {
    root = await createRootCa({ now: NOW });
    east = await createIntermediateCa(root, { now: NOW, cluster: 'east' });
    west = await createIntermediateCa(root, { now: NOW, cluster: 'west' });
  });

  it('passes a bundle okemesh issued', async () => {
    const files = cacertsFiles(cacertsBundle('east', east, root.certPem));
    const [finding] = await caCerts([apiWith('east', files)], NOW);
    expect(finding).toMatchObject({ check: 'cacerts', cluster: 'east', status: 'ok' });
  });

  it('fails a ca-key.pem that is not the key of ca-cert.pem (a check the doctor did not have)', async () => {
    const files = {
      ...cacertsFiles(cacertsBundle('east', east, root.certPem)),
      'ca-key.pem': west.key.pem(),
    };
    const [finding] = await caCerts([apiWith('east', files)], NOW);
    expect(finding).toMatchObject({
      check: 'cacerts',
      cluster: 'east',
      status: 'fail',
      message: expect.stringContaining('ca-key.pem is not the private key of ca-cert.pem'),
    });
  });
});
