import { createHmac, createPublicKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError } from './api-error.js';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function unauthenticated(message: string): ApiError {
  return new ApiError(401, 'NotAuthenticated', message);
}

/**
 * OCI session tokens as `oci session authenticate` leaves them in `security_token_file`: a JWT whose `jwk`
 * claim is the public half of the session key pair. Requests sign with that key and send
 * `keyId="ST$<token>"`; the service checks the token (its own signature, expiry) and verifies the request
 * against the embedded key. The fake signs its tokens with HS256 under a per-instance secret.
 */
export class SessionTokens {
  private readonly secret = randomBytes(32);

  /** A token for `publicKeyPem`, valid for `ttlMs` from `now`. */
  issue(publicKeyPem: string, ttlMs: number, now: number, subject = 'ocid1.user.oc1..session'): string {
    const jwk = createPublicKey(publicKeyPem).export({ format: 'jwk' });
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({
        sub: subject,
        iat: Math.floor(now / 1000),
        exp: Math.floor((now + ttlMs) / 1000),
        jwk,
      }),
    );
    return `${header}.${payload}.${this.mac(`${header}.${payload}`)}`;
  }

  /** The PEM public key a valid, unexpired token carries; 401 otherwise. */
  publicKeyOf(token: string, now: number): string {
    const [header, payload, mac] = token.split('.');
    if (!header || !payload || !mac) throw unauthenticated('session token is not a JWT');
    const want = Buffer.from(this.mac(`${header}.${payload}`));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got))
      throw unauthenticated('session token was not issued by this service');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: number;
      jwk?: Record<string, unknown>;
    };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now)
      throw unauthenticated('session token expired');
    if (!claims.jwk) throw unauthenticated('session token carries no key');
    return createPublicKey({ key: claims.jwk, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
  }

  private mac(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}
