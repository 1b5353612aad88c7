import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslOk } from '@okemesh/test-support';

export interface TestCa {
  readonly root: string;
  readonly rootKey: string;
  /** Intermediate signed with Istio's intermediate.conf extensions (CA:true, pathlen:0, keyCertSign). */
  readonly intermediate: string;
  readonly intermediateKey: string;
  /** Intermediate signed the runbook's way: `openssl x509 -req` without -extfile (a v1 certificate, no CA extensions). */
  readonly bareIntermediate: string;
}

/** A root and two intermediates made with the real openssl, like the plug-in CA task and the runbook. */
export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'okemesh-lint-ca-'));
  const ssl = (...args: string[]) => opensslOk(args, { cwd: dir });
  try {
    ssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'root-key.pem',
      '-out',
      'root-cert.pem',
      '-days',
      '3650',
      '-subj',
      '/O=Istio/CN=Root CA',
      '-addext',
      'basicConstraints=critical,CA:true',
      '-addext',
      'keyUsage=critical,digitalSignature,keyCertSign,cRLSign',
    );
    ssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'ca-key.pem',
      '-out',
      'ca.csr',
      '-subj',
      '/O=Istio/CN=Intermediate CA/L=primary-cluster',
    );
    writeFileSync(
      join(dir, 'intermediate.conf'),
      '[ req_ext ]\nbasicConstraints = critical, CA:true, pathlen:0\nkeyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, keyCertSign\nsubjectKeyIdentifier = hash\n',
    );
    ssl(
      'x509',
      '-req',
      '-in',
      'ca.csr',
      '-CA',
      'root-cert.pem',
      '-CAkey',
      'root-key.pem',
      '-CAcreateserial',
      '-out',
      'ca-cert.pem',
      '-days',
      '365',
      '-extensions',
      'req_ext',
      '-extfile',
      'intermediate.conf',
    );
    ssl(
      'x509',
      '-req',
      '-in',
      'ca.csr',
      '-CA',
      'root-cert.pem',
      '-CAkey',
      'root-key.pem',
      '-CAcreateserial',
      '-out',
      'primary-cert.pem',
      '-days',
      '365',
    );
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    return {
      root: read('root-cert.pem'),
      rootKey: read('root-key.pem'),
      intermediate: read('ca-cert.pem'),
      intermediateKey: read('ca-key.pem'),
      bareIntermediate: read('primary-cert.pem'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `cacerts` Secret manifest with the given files as data (base64), as `kubectl create secret generic --from-file` makes it. */
export function cacertsSecret(files: Record<string, string>): string {
  const data = Object.entries(files).map(([k, v]) => `  ${k}: ${Buffer.from(v).toString('base64')}`);
  return [
    'apiVersion: v1',
    'kind: Secret',
    'metadata: { name: cacerts, namespace: istio-system }',
    'type: Opaque',
    'data:',
    ...data,
    '',
  ].join('\n');
}
