// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API at load time.
import 'reflect-metadata';
import { KeyObject, sign, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** TLS material of one fake cluster, generated in-process at startup. Keys never leave memory. */
export interface ClusterTls {
  /** PEM of the self-signed cluster CA (what kubeconfig embeds as certificate-authority-data). */
  readonly caPem: string;
  /** PEM of the serving certificate (SANs: IP 127.0.0.1, ::1, DNS localhost and the cluster name). */
  readonly serverCertPem: string;
  /** PKCS#8 PEM of the serving key (passed to `https.createServer` only). */
  readonly serverKeyPem: string;
  /** The CA private key, also used to sign ServiceAccount tokens (ES256). */
  readonly signingKey: KeyObject;
}

const crypto = webcrypto;
const ALGORITHM: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = {
  name: 'ECDSA',
  namedCurve: 'P-256',
  hash: 'SHA-256',
};
const DAY_MS = 24 * 60 * 60 * 1000;

async function keyPair(): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
}

function dnsSafe(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.-]/g, '-');
}

/** Creates a CA and a serving certificate for 127.0.0.1 signed by it (ECDSA P-256, valid for 2 days). */
export async function generateClusterTls(clusterName: string): Promise<ClusterTls> {
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + 2 * DAY_MS);
  const caKeys = await keyPair();
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name: `CN=${dnsSafe(clusterName)}-ca, O=okemesh-fake-kube`,
      notBefore,
      notAfter,
      keys: caKeys,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const serverKeys = await keyPair();
  const server = await x509.X509CertificateGenerator.create(
    {
      serialNumber: '02',
      subject: 'CN=kube-apiserver',
      issuer: ca.subject,
      notBefore,
      notAfter,
      publicKey: serverKeys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([
          { type: 'ip', value: '127.0.0.1' },
          { type: 'ip', value: '::1' },
          { type: 'dns', value: 'localhost' },
          { type: 'dns', value: 'kubernetes.default.svc' },
          { type: 'dns', value: dnsSafe(clusterName) },
        ]),
        await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', serverKeys.privateKey);
  return {
    caPem: ca.toString('pem'),
    serverCertPem: server.toString('pem'),
    serverKeyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    signingKey: KeyObject.from(caKeys.privateKey),
  };
}

function base64url(data: string): string {
  return Buffer.from(data, 'utf8').toString('base64url');
}

/** Claims of a fake ServiceAccount token (the subset real tokens carry that tests look at). */
export interface TokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: readonly string[];
  readonly iat: number;
  readonly exp: number;
  readonly [claim: string]: unknown;
}

/** Signs a compact JWS (ES256) shaped like a real ServiceAccount token; synchronous so controllers stay so. */
export function signToken(key: KeyObject, claims: TokenClaims): string {
  const header = base64url(JSON.stringify({ alg: 'ES256', kid: 'fake-kube', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const input = `${header}.${payload}`;
  const signature = sign('sha256', Buffer.from(input, 'utf8'), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}
