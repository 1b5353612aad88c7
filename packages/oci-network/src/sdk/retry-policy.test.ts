import { describe, expect, it } from 'vitest';
import { retryToken } from '../model/ownership.js';
import { isRetryable } from './retry-policy.js';

describe('retry policy', () => {
  it.each([
    [{ statusCode: 429, serviceCode: 'TooManyRequests' }, true],
    [{ statusCode: 500 }, true],
    [{ statusCode: 503 }, true],
    [{ statusCode: -1 }, true],
    [{}, true],
    [{ statusCode: 409, serviceCode: 'IncorrectState' }, true],
    [{ statusCode: 409, serviceCode: 'Conflict' }, false],
    [{ statusCode: 409, serviceCode: 'InvalidatedRetryToken' }, false],
    [{ statusCode: 412, serviceCode: 'NoEtagMatch' }, false],
    [{ statusCode: 404, serviceCode: 'NotAuthorizedOrNotFound' }, false],
    [{ statusCode: 400, serviceCode: 'InvalidParameter' }, false],
  ])('%o → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });

  it('retry tokens are stable per logical create and change with the salt', () => {
    const a = retryToken(['m', 'r', 'drg', 'c']);
    expect(retryToken(['m', 'r', 'drg', 'c'])).toBe(a);
    expect(retryToken(['m', 'r2', 'drg', 'c'])).not.toBe(a);
    expect(retryToken(['m', 'r', 'drg', 'c'], 'ocid1.drg.old')).not.toBe(a);
    expect(a.length).toBeLessThanOrEqual(64);
  });
});
