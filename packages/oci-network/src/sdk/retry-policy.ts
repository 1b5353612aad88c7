import * as common from 'oci-common';

export interface RetryOptions {
  /** Attempts per call, including the first. Default 6. */
  readonly maxAttempts?: number;
  /** First backoff delay; doubles per attempt. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Backoff cap. Default 8000 ms. */
  readonly maxDelayMs?: number;
}

/**
 * Whether a failed call is safe and useful to repeat: throttling (429), server errors (500/502/503/504), network
 * failures (no status), and 409 IncorrectState (a resource mid-transition). Never 400, 404, 409 Conflict,
 * 409 InvalidatedRetryToken or 412 NoEtagMatch: those need a re-read, not a repeat.
 */
export function isRetryable(error: { statusCode?: number; serviceCode?: string }): boolean {
  const status = error.statusCode;
  if (status === undefined || status === -1 || Number.isNaN(status)) return true;
  if (status === 429) return true;
  if (status === 409) return error.serviceCode === 'IncorrectState';
  return status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Client-level retry configuration. The SDK's own defaults do not retry DRG, attachment, route-table,
 * security-list, NSG or Health Checks calls at all; okemesh retries every call with this policy and keeps
 * creates idempotent with deterministic `opc-retry-token`s.
 */
export function retryConfiguration(options: RetryOptions = {}): common.RetryConfiguration {
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 8000;
  const delayStrategy: common.DelayStrategy = {
    // The SDK sleeps `delay()` seconds.
    delay: (context) => Math.min(cap, base * 2 ** Math.max(0, context.attemptCount - 1)) / 1000,
  };
  return {
    terminationStrategy: new common.MaxAttemptsTerminationStrategy(options.maxAttempts ?? 6),
    delayStrategy,
    retryCondition: (error) => isRetryable(error),
  };
}

/** For calls that are not idempotent and carry no retry token: okemesh re-reads state and decides itself. */
export const singleAttempt: common.RetryConfiguration = {
  terminationStrategy: new common.MaxAttemptsTerminationStrategy(1),
};
