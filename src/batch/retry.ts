// Retry policy as pure functions: which failures to retry and how long to wait.

export interface RetryPolicy {
  maxRetries: number;
  /** Total time the retry loop may spend waiting, all retries together. */
  maxTotalWaitMs: number;
  baseDelayMs: number;
  /** Longest single backoff without a Retry-After. */
  maxDelayMs: number;
  /** Least wait after a v1.1 TOO_MANY_REQUESTS: Batch's v1.1 docs ask for 5 seconds. */
  v1RateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  maxTotalWaitMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  v1RateLimitWaitMs: 5_000,
};

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Retry-After is either delta-seconds or an HTTP date. Unparseable values are ignored. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so waits never collapse to 0. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(exp / 2 + (random() * exp) / 2);
}

/**
 * The wait before the next retry, or undefined when the policy says stop.
 * `minimumMs` lets an API impose a floor (Batch v1.1 asks for at least 5 s after a 429).
 */
export function nextDelay(
  retry: number,
  waitedMs: number,
  policy: RetryPolicy,
  hint: { retryAfterMs?: number; minimumMs?: number },
  random?: () => number,
): number | undefined {
  if (retry >= policy.maxRetries) return undefined;
  const delay = Math.max(hint.retryAfterMs ?? backoffDelay(retry, policy, random), hint.minimumMs ?? 0);
  if (waitedMs + delay > policy.maxTotalWaitMs) return undefined;
  return delay;
}
