import { createHash, createVerify } from 'node:crypto';
import type { SessionTokens } from './session-token.js';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './api-error.js';

/** Maximum clock skew OCI accepts between `x-date` and the server clock. */
const MAX_SKEW_MS = 5 * 60 * 1000;

interface ParsedSignature {
  readonly keyId: string;
  readonly algorithm: string;
  readonly headers: readonly string[];
  readonly signature: string;
}

function parseAuthorization(value: string): ParsedSignature {
  if (!value.startsWith('Signature ')) throw unauthenticated('Authorization header is not an HTTP signature');
  const fields = new Map<string, string>();
  for (const match of value.slice('Signature '.length).matchAll(/([a-zA-Z]+)="([^"]*)"/g)) {
    fields.set(match[1] ?? '', match[2] ?? '');
  }
  const keyId = fields.get('keyId');
  const signature = fields.get('signature');
  const headers = fields.get('headers');
  if (!keyId || !signature || !headers) throw unauthenticated('signature lacks keyId, headers or signature');
  return { keyId, algorithm: fields.get('algorithm') ?? '', headers: headers.split(' '), signature };
}

function unauthenticated(message: string): ApiError {
  return new ApiError(
    401,
    'NotAuthenticated',
    `The required information to complete authentication was not provided or was incorrect: ${message}`,
  );
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Verifies a draft-cavage-http-signatures-08 `Authorization: Signature ...` header the way OCI does for the
 * TypeScript SDK: RSA-SHA256 over `x-date`/`date`, `(request-target)`, `host` and, for bodies, `content-type`,
 * `content-length` and `x-content-sha256` (which must match the body). An `ST$<token>` key id is a session
 * token: checked by `sessions`, the request verified with the key the token carries. Returns the key id.
 */
export function verifySignature(
  request: { method: string; url: string; headers: IncomingHttpHeaders; body: string },
  publicKeys: ReadonlyMap<string, string>,
  now: number,
  sessions?: SessionTokens,
): string {
  const authorization = headerValue(request.headers, 'authorization');
  if (!authorization) throw unauthenticated('no Authorization header');
  const parsed = parseAuthorization(authorization);
  if (parsed.algorithm !== 'rsa-sha256') throw unauthenticated(`unsupported algorithm ${parsed.algorithm}`);
  // Session-token auth (`security_token_file`): keyId is `ST$<token>`, the key is the token's own.
  const session = parsed.keyId.startsWith('ST$');
  if (session && !sessions) throw unauthenticated('session tokens are not accepted here');
  const publicKey = session
    ? sessions?.publicKeyOf(parsed.keyId.slice(3), now)
    : publicKeys.get(parsed.keyId);
  if (!publicKey) throw unauthenticated(`unknown keyId ${session ? 'ST$…' : parsed.keyId}`);

  const signed = new Set(parsed.headers.map((h) => h.toLowerCase()));
  const required = ['(request-target)', 'host'];
  // OCI requires content-type, content-length and x-content-sha256 in the signature of a request with a body.
  if (['POST', 'PUT', 'PATCH'].includes(request.method))
    required.push('content-type', 'content-length', 'x-content-sha256');
  for (const name of required) {
    if (!signed.has(name)) throw unauthenticated(`header ${name} is not signed`);
  }
  if (!signed.has('x-date') && !signed.has('date'))
    throw unauthenticated('neither x-date nor date is signed');

  const stamp = headerValue(request.headers, signed.has('x-date') ? 'x-date' : 'date');
  const time = stamp === undefined ? Number.NaN : Date.parse(stamp);
  if (Number.isNaN(time) || Math.abs(now - time) > MAX_SKEW_MS)
    throw unauthenticated('request date is missing or skewed');

  if (signed.has('x-content-sha256')) {
    const digest = createHash('sha256').update(request.body).digest('base64');
    if (headerValue(request.headers, 'x-content-sha256') !== digest)
      throw unauthenticated('x-content-sha256 does not match the body');
  }

  const lines = parsed.headers.map((name) => {
    const lower = name.toLowerCase();
    if (lower === '(request-target)')
      return `(request-target): ${request.method.toLowerCase()} ${request.url}`;
    const value = headerValue(request.headers, lower);
    if (value === undefined) throw unauthenticated(`signed header ${lower} is absent`);
    return `${lower}: ${value}`;
  });
  const verifier = createVerify('RSA-SHA256');
  verifier.update(lines.join('\n'));
  if (!verifier.verify(publicKey, parsed.signature, 'base64'))
    throw unauthenticated('signature does not verify');
  return parsed.keyId;
}
